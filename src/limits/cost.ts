import { createRequire } from 'node:module';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isLeafType,
  isListType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import type { ComplexityEstimator, ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';
import { NAMESPACE_NAMES } from '../cache/namespaces.js';
import { SUBJECTS } from '../common/enums.js';
import { ALERT_NAMES } from '../monitoring/alerts.js';
import { RECENT_SLOW_QUERIES } from '../monitoring/database-stats.js';
import { MAX_SESSIONS_LISTED } from '../sessions/sessions.repository.js';
import type { ListSizes } from '../exercises/list-sizes.js';
import { MAX_CLASS_SIZE, SEQUENCE_LENGTH } from '../auth/login-cards.js';
import { MAX_ASSIGNED_AT_ONCE } from '../schools/schools.service.js';

// graphql-query-complexity's ESM build imports graphql's .mjs files, a second copy of graphql
// beside the one the schema was built with ("another module or realm"); its CommonJS build
// requires the same graphql as everything else.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

type Args = Record<string, unknown>;
const num = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);

/**
 * How many items each list field of the schema returns at most, by `Type.field`. Connections are
 * sized at the field that takes `first` (its edges count once there). A list field missing here
 * is costed at UNLISTED_SIZE, and cost.test.ts fails until it is added.
 */
/** The five levels: a level's modules are about a fifth of the curriculum's. */
const LEVELS = 5;
/** A teacher's classes are not bounded; this is what a cost counts for them (a teacher has a few). */
const TYPICAL_CLASSES_PER_TEACHER = 10;

export function listSizeTable(sizes: ListSizes): Record<string, (args: Args) => number> {
  return {
    'Query.modules': (a) => sizes.modules(a.level as never, a.subject as never),
    'Module.exercises': () => sizes.exercisesPerModule,
    'Query.students': (a) => num(a.first, 50),
    'Student.progress': (a) => num(a.first, 20),
    'StudentConnection.edges': () => 1,
    'ProgressConnection.edges': () => 1,
    'Student.recommendations': (a) => num(a.limit, 5),
    'Student.sessions': () => MAX_SESSIONS_LISTED,
    'StudentStats.bySubject': () => SUBJECTS.length,
    'Monitoring.operations': (a) => num(a.limit, 20),
    'Monitoring.alerts': () => ALERT_NAMES.length,
    'CacheStats.namespaces': () => NAMESPACE_NAMES.length,
    'DatabaseStats.recentSlowQueries': () => RECENT_SLOW_QUERIES,
    'Query.classrooms': (a) => num(a.first, 50),
    'ClassroomConnection.edges': () => 1,
    'Classroom.students': (a) => num(a.first, 50),
    'Teacher.classrooms': () => TYPICAL_CLASSES_PER_TEACHER,
    'SignInRoster.children': () => MAX_CLASS_SIZE,
    'Mutation.enrollStudents': (a) => (Array.isArray(a.students) ? a.students.length : MAX_CLASS_SIZE),
    'LoginCard.pictures': () => SEQUENCE_LENGTH,
    'ClassOverview.modules': () => sizes.modules(null, null) / LEVELS,
    'ClassOverview.rows': () => MAX_CLASS_SIZE,
    'ClassOverviewRow.cells': () => sizes.modules(null, null) / LEVELS,
    // One per module assigned (assigning again moves the date): at most the level's modules, in practice.
    'Classroom.assignments': () => sizes.modules(null, null) / LEVELS,
    'Mutation.assignModules': (a) => (Array.isArray(a.moduleIds) ? a.moduleIds.length : MAX_ASSIGNED_AT_ONCE),
  };
}

/** What a list field of the schema not in listSizeTable is taken to return. */
export const UNLISTED_SIZE = 100;
/** A JSON value (an exercise's content, its solution) costs this many scalars. */
export const JSON_COST = 10;

/**
 * The cost of an operation: 1 per field resolved, JSON_COST per JSON value, and a list field's
 * cost times the items it can return (the curriculum's real sizes, `first`, `limit`). So
 * `modules { exercises { module { exercises { id } } } }` costs what it would build: modules x
 * exercises x exercises, and a cycle of lists cannot hide behind a small document.
 *
 * Introspection's lists are sized from the schema itself (the mean per type or field, since a
 * nested introspection query multiplies means).
 */
export function costEstimator(schema: GraphQLSchema, sizes: ListSizes): ComplexityEstimator {
  const table = listSizeTable(sizes);
  const introspection = introspectionSizes(schema);
  return ({ type, field, args, childComplexity }: ComplexityEstimatorArgs) => {
    const named = getNamedType(field.type);
    const own = isLeafType(named) ? (named.name === 'JSON' ? JSON_COST : 1) : 1 + childComplexity;
    const key = `${type.name}.${field.name}`;
    const sized = table[key];
    if (sized) return own * Math.max(0, sized(args));
    if (!isListType(getNullableType(field.type))) return own;
    return own * (type.name.startsWith('__') ? (introspection.get(key) ?? UNLISTED_SIZE) : UNLISTED_SIZE);
  };
}

/** Every list field of the schema's own types, as `Type.field` (for the test that they are all sized). */
export function listFields(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap()).flatMap((type) => {
    if (type.name.startsWith('__') || !('getFields' in type) || isLeafType(type)) return [];
    return Object.values(type.getFields() as Record<string, GraphQLField<unknown, unknown>>)
      .filter((f) => 'args' in f && isListType(getNullableType(f.type)))
      .map((f) => `${type.name}.${f.name}`);
  });
}

function introspectionSizes(schema: GraphQLSchema): Map<string, number> {
  const types = Object.values(schema.getTypeMap());
  const mean = (counts: number[]) => Math.max(1, Math.ceil(counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length)));
  const composite = types.filter((t) => isObjectType(t) || isInterfaceType(t) || isInputObjectType(t));
  const fieldsOf = (t: (typeof composite)[number]) => Object.values(t.getFields()) as { args?: readonly unknown[] }[];
  const fields = composite.flatMap(fieldsOf);
  const withFields = composite.map((t) => fieldsOf(t).length);
  const enums = types.filter(isEnumType).map((t) => t.getValues().length);
  return new Map([
    ['__Schema.types', types.length],
    ['__Schema.directives', schema.getDirectives().length],
    ['__Type.fields', mean(withFields)],
    ['__Type.inputFields', mean(withFields)],
    ['__Type.enumValues', mean(enums)],
    ['__Type.interfaces', 1],
    ['__Type.possibleTypes', 1],
    ['__Field.args', mean(fields.map((f) => f.args?.length ?? 0))],
    ['__Directive.args', mean(schema.getDirectives().map((d) => d.args.length))],
    ['__Directive.locations', 4],
  ]);
}

/**
 * Costs operations, remembering the cost of each document and variables (process scope,
 * bounded): the same few operations come again and again, and walking one is not free.
 */
export class OperationCoster {
  private readonly estimator: ComplexityEstimator;
  private readonly known = new WeakMap<DocumentNode, LRUCache<string, number>>();

  constructor(
    private readonly schema: GraphQLSchema,
    sizes: ListSizes,
  ) {
    this.estimator = costEstimator(schema, sizes);
  }

  /** The operation's cost, or the first problem computing it (e.g. a variable of the wrong type). */
  cost(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined): number {
    let byVariables = this.known.get(document);
    if (!byVariables) this.known.set(document, (byVariables = new LRUCache({ max: 64 })));
    // List sizes come from scalar arguments (first, limit, level...): an object variable (an
    // answer, which may be large or deep) never changes the cost, so it is not part of the key.
    let key = operationName ?? '';
    if (variables) for (const name in variables) if (typeof variables[name] !== 'object') key += `\u0000${name}=${String(variables[name])}`;
    const hit = byVariables.get(key);
    if (hit !== undefined) return hit;
    const cost = getComplexity({ schema: this.schema, query: document, operationName, variables, estimators: [this.estimator] });
    byVariables.set(key, cost);
    return cost;
  }
}
