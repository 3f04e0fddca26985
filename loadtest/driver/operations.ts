import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import {
  AssignModulesDocument,
  ClassOverviewDocument,
  DashboardDocument,
  ExerciseDocument,
  LoginDocument,
  RecommendationsDocument,
  SolutionsDocument,
  SubmitAttemptDocument,
} from '../../test/generated/operations.js';

/**
 * The operations the scenarios send: the typed documents codegen made from test/operations/*.graphql
 * (the same ones the tests send), printed once to the text a client posts.
 */
export interface Operation<R, V> {
  name: string;
  text: string;
  /** Carries the result and variables types only. */
  readonly types?: [R, V];
}

function operation<R, V>(document: TypedDocumentNode<R, V>): Operation<R, V> {
  const definition = document.definitions.find((d) => d.kind === 'OperationDefinition');
  const name = definition?.kind === 'OperationDefinition' ? definition.name?.value : undefined;
  if (!name) throw new Error('every load-test operation is named');
  return { name, text: print(document) };
}

export const operations = {
  login: operation(LoginDocument),
  dashboard: operation(DashboardDocument),
  exercise: operation(ExerciseDocument),
  submitAttempt: operation(SubmitAttemptDocument),
  recommendations: operation(RecommendationsDocument),
  solutions: operation(SolutionsDocument),
  classOverview: operation(ClassOverviewDocument),
  assignModules: operation(AssignModulesDocument),
};
