import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from './auth/auth.resolver.js';
import { CacheResolver } from './cache/cache.resolver.js';
import { DateTimeScalar } from './common/scalars.js';
import { ExerciseResolver, ModuleResolver } from './exercises/exercise.resolver.js';
import { limitResponseSize } from './limits/response-budget.js';
import { HealthResolver } from './monitoring/health.resolver.js';
import { MonitoringResolver } from './monitoring/monitoring.resolver.js';
import { AttemptResolver, ProgressResolver, StudentProgressResolver } from './progress/progress.resolver.js';
import { RecommendationResolver, StudentRecommendationsResolver } from './recommendations/recommendation.resolver.js';
import { SessionResolver, StudentSessionsResolver } from './sessions/session.resolver.js';
import { AssignmentResolver, AuthPayloadTeacherResolver, ClassroomResolver, StudentClassroomResolver, TeacherResolver } from './schools/school.resolver.js';
import { StudentResolver } from './students/student.resolver.js';

export const resolvers = [
  AuthResolver,
  StudentResolver,
  StudentProgressResolver,
  StudentRecommendationsResolver,
  StudentSessionsResolver,
  ModuleResolver,
  ExerciseResolver,
  ProgressResolver,
  AttemptResolver,
  RecommendationResolver,
  SessionResolver,
  HealthResolver,
  CacheResolver,
  MonitoringResolver,
  ClassroomResolver,
  TeacherResolver,
  AssignmentResolver,
  StudentClassroomResolver,
  AuthPayloadTeacherResolver,
] as const;

/**
 * The executable schema: every resolver, arguments validated by class-validator. The types a
 * child's requests return are declared with `simpleResolvers`: their plain fields resolve with
 * graphql-js's default resolver instead of a type-graphql wrapper per field (a dashboard resolves
 * about 200). The wrapper only runs middlewares and the auth checker, and this schema has neither;
 * whoever adds a global middleware must drop those flags (or the middleware will not run there).
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false, stopAtFirstError: true },
  });
  return limitResponseSize(schema);
}

/** The schema as committed in schema/schema.graphql (sorted, so diffs show real changes only). */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
