import { groupByKeys, loader, orderByKeys, type Batching } from '../common/loaders.js';
import type { Classroom, Teacher } from './school.type.js';
import type { SchoolsRepository } from './schools.repository.js';

/** Per request: classes and teachers by id, and each teacher's class ids (what a teacher may read). */
export function createSchoolLoaders(repo: () => SchoolsRepository, options: Batching) {
  return {
    classroom: loader<number, Classroom>(options, async (ids) => orderByKeys(ids, await repo().classroomsByIds(ids), (c) => c.id, 'Classroom')),
    teacher: loader<number, Teacher>(options, async (ids) => orderByKeys(ids, await repo().teachersByIds(ids), (t) => t.id, 'Teacher')),
    classroomIdsOfTeacher: loader<number, number[]>(options, async (ids) =>
      groupByKeys(ids, await repo().classroomIdsOfTeachers(ids), (r) => r.teacherId).map((rows) => rows.map((r) => r.id)),
    ),
  };
}
export type SchoolLoaders = ReturnType<typeof createSchoolLoaders>;

declare module '../context.js' {
  interface Loaders extends SchoolLoaders {}
}
