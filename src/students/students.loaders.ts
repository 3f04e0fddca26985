import { loader, orderByKeys, type LoaderOptions } from '../common/loaders.js';
import type { Student } from './student.type.js';
import type { StudentsRepository } from './students.repository.js';

export function createStudentLoaders(repo: StudentsRepository, options: LoaderOptions) {
  return {
    student: loader<number, Student>(options, async (ids) =>
      orderByKeys(ids, await repo.byIds(ids), (s) => s.id, 'Student'),
    ),
  };
}
export type StudentLoaders = ReturnType<typeof createStudentLoaders>;
