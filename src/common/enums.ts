import { registerEnumType } from 'type-graphql';

// The contract's enumerations. Values are the strings stored in the database (CHECK constraints).

export enum Role {
  STUDENT = 'STUDENT',
  TEACHER = 'TEACHER',
  ADMIN = 'ADMIN',
}
export enum Level {
  CP = 'CP',
  CE1 = 'CE1',
  CE2 = 'CE2',
  CM1 = 'CM1',
  CM2 = 'CM2',
}
export enum Subject {
  MATHEMATIQUES = 'MATHEMATIQUES',
  FRANCAIS = 'FRANCAIS',
  SCIENCES = 'SCIENCES',
  HISTOIRE_GEOGRAPHIE = 'HISTOIRE_GEOGRAPHIE',
  ANGLAIS = 'ANGLAIS',
}
export enum Period {
  P1 = 'P1',
  P2 = 'P2',
  P3 = 'P3',
  P4 = 'P4',
  P5 = 'P5',
}
export enum ExerciseType {
  QCM = 'QCM',
  CALCUL = 'CALCUL',
  TEXTE_LIBRE = 'TEXTE_LIBRE',
  DRAG_DROP = 'DRAG_DROP',
  CONJUGAISON = 'CONJUGAISON',
  LECTURE = 'LECTURE',
  GEOMETRIE = 'GEOMETRIE',
  PROBLEME = 'PROBLEME',
}
export enum Difficulty {
  DECOUVERTE = 'DECOUVERTE',
  CONSOLIDATION = 'CONSOLIDATION',
  MAITRISE = 'MAITRISE',
}
export enum ProgressStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  MASTERED = 'MASTERED',
}
export enum RecommendationReason {
  REVIEW_DUE = 'REVIEW_DUE',
  RETRY = 'RETRY',
  NEW = 'NEW',
}

/** Subjects in the order the recommendations alternate through them. */
export const SUBJECTS: readonly Subject[] = Object.values(Subject);
export const LEVELS: readonly Level[] = Object.values(Level);

registerEnumType(Role, { name: 'Role', description: 'Who is signed in: a child, a teacher, or an administrator.' });
registerEnumType(Level, { name: 'Level', description: 'French primary school level, from CP to CM2.' });
registerEnumType(Subject, { name: 'Subject', description: 'A school subject.' });
registerEnumType(Period, { name: 'Period', description: 'One of the five periods of the school year, between holidays.' });
registerEnumType(ExerciseType, { name: 'ExerciseType', description: 'How an exercise is answered and graded.' });
registerEnumType(Difficulty, { name: 'Difficulty', description: 'Discovery, consolidation or mastery.' });
registerEnumType(ProgressStatus, {
  name: 'ProgressStatus',
  description: 'NOT_STARTED, IN_PROGRESS (tried, not yet right), COMPLETED (right once), MASTERED (right again on a due review).',
});
registerEnumType(RecommendationReason, {
  name: 'RecommendationReason',
  description: 'Why an exercise is recommended: a review is due, it is not yet right, or it is next in the curriculum.',
});
