import { scope } from '../cache/namespaces.js';
import { cachedRows, loader, type LoaderOptions } from '../cache/loaders.js';
import type { Student } from './student.type.js';
import type { StudentsRepository } from './students.repository.js';

/** How a student's profile is keyed in the cache (the loader reads it, a write refreshes it). */
export const studentKey = { id: (id: number) => String(id), scopes: (id: number) => [scope.student(id)] };

export function createStudentLoaders(repo: () => StudentsRepository, options: LoaderOptions) {
  return {
    /** A student's profile; cached until the student's profile version changes. */
    student: loader<number, Student>(options, (ids) =>
      cachedRows(options, 'students', ids, studentKey, (missing) => repo().byIds(missing), (s) => s.id, 'Student'),
    ),
  };
}
export type StudentLoaders = ReturnType<typeof createStudentLoaders>;

declare module '../context.js' {
  interface Loaders extends StudentLoaders {}
}
