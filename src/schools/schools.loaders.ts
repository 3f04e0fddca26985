import { scope } from '../cache/namespaces.js';
import type { RequestCache } from '../cache/request-cache.js';
import { loader, type Batching } from '../common/loaders.js';
import type { Classroom, Teacher } from './school.type.js';
import type { SchoolsRepository } from './schools.repository.js';

/**
 * Per request, through the shared cache (`schools` namespace): a teacher's account with its class
 * ids under the teacher's version, a class with its roster under the class's. A class overview
 * warm sends no SQL; cold, one statement for the teacher and one for the class. The writes that
 * change them say so through `schoolWrites` (the services name no scope).
 */
export function createSchoolLoaders(repo: () => SchoolsRepository, options: Batching & { cache: RequestCache }) {
  const teacherKey = { id: (id: number) => `teacher:${id}`, scopes: (id: number) => [scope.teacher(id)] };
  const classroomKey = { id: (id: number) => `classroom:${id}`, scopes: (id: number) => [scope.classroom(id)] };
  const teacher = loader<number, Teacher>(options, (ids) => options.cache.rows('schools', ids, teacherKey, (missing) => repo().teachersByIds(missing), (t) => t.id, 'Teacher'));
  const classroom = loader<number, Classroom>(options, (ids) => options.cache.rows('schools', ids, classroomKey, (missing) => repo().classroomsByIds(missing), (c) => c.id, 'Classroom'));
  return {
    teacher,
    classroom,
    /** After a write has committed: what is cached about this teacher or class is stale, here and on every instance. */
    schoolWrites: {
      async teacher(id: number): Promise<void> {
        await options.cache.invalidate([scope.teacher(id)]);
        teacher.clear(id);
      },
      async classroom(id: number): Promise<void> {
        await options.cache.invalidate([scope.classroom(id)]);
        classroom.clear(id);
      },
    },
  };
}
export type SchoolLoaders = ReturnType<typeof createSchoolLoaders>;

declare module '../context.js' {
  interface Loaders extends SchoolLoaders {}
}
