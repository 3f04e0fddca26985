import type { Migration } from 'kysely';
import * as initial from './2026-11-26T0001_initial.js';
import * as curriculumUpdatedAt from './2026-11-26T0002_curriculum_updated_at.js';
import * as partitionAttempts from './2026-11-26T0003_partition_attempts.js';
import * as studentsActivityIndexes from './2026-11-26T0004_students_activity_indexes.js';
import * as recordAttemptFunction from './2026-11-26T0005_record_attempt_function.js';
import * as invalidateStudentAccounts from './2026-12-07T0001_invalidate_student_accounts.js';
import * as invalidateOneStudentScope from './2026-12-07T0002_invalidate_one_student_scope.js';
import * as schools from './2026-12-07T0003_schools.js';
import * as recordAttemptClass from './2026-12-07T0004_record_attempt_class.js';
import * as assignments from './2026-12-07T0005_assignments.js';

/**
 * Every migration, by name, in order. Listed by hand (not read from the folder at run time) so the
 * compiled server and the TypeScript tests load them the same way; a test checks that every file
 * in this folder is listed.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-26T0001_initial': initial,
  '2026-11-26T0002_curriculum_updated_at': curriculumUpdatedAt,
  '2026-11-26T0003_partition_attempts': partitionAttempts,
  '2026-11-26T0004_students_activity_indexes': studentsActivityIndexes,
  '2026-11-26T0005_record_attempt_function': recordAttemptFunction,
  '2026-12-07T0001_invalidate_student_accounts': invalidateStudentAccounts,
  '2026-12-07T0002_invalidate_one_student_scope': invalidateOneStudentScope,
  '2026-12-07T0003_schools': schools,
  '2026-12-07T0004_record_attempt_class': recordAttemptClass,
  '2026-12-07T0005_assignments': assignments,
};
