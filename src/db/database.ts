import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The tables as Kysely sees them. Only repositories use these row types; they map rows to the
 * domain types the services and resolvers work with.
 */
export type Level = 'CP' | 'CE1' | 'CE2' | 'CM1' | 'CM2';
export type Subject = 'MATHEMATIQUES' | 'FRANCAIS' | 'SCIENCES' | 'HISTOIRE_GEOGRAPHIE' | 'ANGLAIS';
export type Period = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
export type ExerciseType = 'QCM' | 'CALCUL' | 'TEXTE_LIBRE' | 'DRAG_DROP' | 'CONJUGAISON' | 'LECTURE' | 'GEOMETRIE' | 'PROBLEME';
export type Difficulty = 'DECOUVERTE' | 'CONSOLIDATION' | 'MAITRISE';
export type ProgressStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED' | 'MASTERED';

/** jsonb: written as a JSON string or value, read back parsed. */
type Json = ColumnType<unknown, unknown, unknown>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `date` columns come back from pg as strings 'YYYY-MM-DD' (see client.ts type parsers). */
type DateOnly = ColumnType<string, string, string>;

export interface StudentsTable {
  id: Generated<number>;
  username: string;
  /** Null for a child enrolled by its teacher: it signs in with its pictures. */
  password_hash: string | null;
  first_name: string;
  last_name: string;
  birth_date: DateOnly | null;
  level: Level;
  total_points: Generated<number>;
  streak_days: Generated<number>;
  streak_last_day: DateOnly | null;
  last_active_at: Date | null;
  preferences: ColumnType<Record<string, unknown>, string | undefined, string>;
  token_version: Generated<number>;
  created_at: CreatedAt;
  classroom_id: number | null;
  avatar: Generated<string>;
  /** The picture sequence's slow hash (picture sign-in); null without one. */
  picture_hash: string | null;
}

export interface TeachersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  token_version: Generated<number>;
  created_at: CreatedAt;
}

export interface ClassroomsTable {
  id: Generated<number>;
  name: string;
  level: Level;
  class_code: string;
  teacher_id: number;
  created_at: CreatedAt;
}

export interface AssignmentsTable {
  id: Generated<number>;
  classroom_id: number;
  module_id: number;
  assigned_at: Generated<Date>;
  due_at: Date | null;
}

export interface AdminsTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  token_version: Generated<number>;
  created_at: CreatedAt;
}

export interface ModulesTable {
  id: Generated<number>;
  title: string;
  description: Generated<string>;
  level: Level;
  subject: Subject;
  period: Period;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface ExercisesTable {
  id: Generated<number>;
  module_id: number;
  title: string;
  instructions: string;
  type: ExerciseType;
  difficulty: Difficulty;
  points: number;
  estimated_minutes: Generated<number>;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  content: Json;
  solution: Json;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface ProgressTable {
  student_id: number;
  exercise_id: number;
  status: Generated<ProgressStatus>;
  attempts: Generated<number>;
  successes: Generated<number>;
  points_earned: Generated<number>;
  last_attempt_at: Date | null;
  first_success_at: Date | null;
  mastered_at: Date | null;
  next_review_at: Date | null;
  review_interval_days: number | null;
  review_state: Json | null;
}

export interface LearningSessionsTable {
  id: Generated<number>;
  student_id: number;
  started_at: Date;
  ended_at: Date | null;
  last_activity_at: Date;
  attempted: Generated<number>;
  succeeded: Generated<number>;
  points_earned: Generated<number>;
}

/** Partitioned by month on created_at (see the 0003 migration); idempotency lives in attempt_keys. */
export interface AttemptsTable {
  /** bigint: pg returns it as a string. */
  id: Generated<string>;
  student_id: number;
  exercise_id: number;
  session_id: number | null;
  idempotency_key: string;
  answer: Json;
  correct: boolean;
  duration_seconds: number;
  hints_used: Generated<number>;
  points_earned: Generated<number>;
  created_at: CreatedAt;
}

/** Idempotency keys: one attempt per (student, key), whichever monthly partition holds it. */
export interface AttemptKeysTable {
  student_id: number;
  idempotency_key: string;
  attempt_id: string | number;
  created_at: Date;
}

export interface Database {
  students: StudentsTable;
  admins: AdminsTable;
  teachers: TeachersTable;
  classrooms: ClassroomsTable;
  assignments: AssignmentsTable;
  modules: ModulesTable;
  exercises: ExercisesTable;
  progress: ProgressTable;
  learning_sessions: LearningSessionsTable;
  attempts: AttemptsTable;
  attempt_keys: AttemptKeysTable;
}

export type StudentRow = Selectable<StudentsTable>;
export type NewStudentRow = Insertable<StudentsTable>;
export type AdminRow = Selectable<AdminsTable>;
export type TeacherRow = Selectable<TeachersTable>;
export type ClassroomRow = Selectable<ClassroomsTable>;
export type ModuleRow = Selectable<ModulesTable>;
export type NewModuleRow = Insertable<ModulesTable>;
export type ExerciseRow = Selectable<ExercisesTable>;
export type NewExerciseRow = Insertable<ExercisesTable>;
export type ProgressRow = Selectable<ProgressTable>;
export type ProgressUpdate = Updateable<ProgressTable>;
export type SessionRow = Selectable<LearningSessionsTable>;
export type AttemptRow = Selectable<AttemptsTable>;
