import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, getOperationAST, getVariableValues, GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = NonNullable<ApolloServerOptionsWithGateway<object>['gateway']>;

/**
 * How operations run: graphql-jit compiles each operation (on its second run) into a function for
 * its selection set, then runs that function on each request: no per-field argument maps,
 * resolve-info objects or null-prototype result objects, which graphql-js's interpreter makes for
 * every field of every request. Parsing and validation stay graphql-js's, in Apollo's pipeline,
 * with its document cache, our validation rules and plugins; only execution changes. A Dashboard
 * resolves about 200 fields: graphql-js and the JSON of its result were more than a quarter of the
 * server's time on it.
 *
 * Apollo Server 5 takes a custom executor only through its gateway interface: this "gateway" hands
 * Apollo the one schema it was given and executes with the compiled functions.
 */
export function compiledExecution(schema: GraphQLSchema, options: { runsBeforeCompiling?: number } = {}): Gateway {
  // Compiling costs a few executions of the operation, so an operation is interpreted on its first
  // run and compiled on its next: a client that sends a new query text on every request (each one
  // parsed and validated anyway) makes no compilation.
  const runsBeforeCompiling = options.runsBeforeCompiling ?? 1;
  // Apollo hands every request of one query text the same parsed document (its document store),
  // so what is known of an operation is kept per operation node, and goes when Apollo drops it.
  const compiled = new WeakMap<OperationDefinitionNode, Compiled>();
  const compile = (document: DocumentNode, operation: OperationDefinitionNode): Compiled => {
    let entry = compiled.get(operation);
    if (!entry) compiled.set(operation, (entry = { runs: 0, query: undefined }));
    if (!entry.query && entry.runs++ >= runsBeforeCompiling) {
      // Errors thrown by resolvers keep their stack for the error log (never sent to clients).
      entry.query = compileQuery(schema, document, operation.name?.value, { disablingCapturingStackErrors: false });
    }
    return entry;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async load() {
      return {
        executor: async (request) => {
          const { document, operation, context } = request;
          const inputs = request.request.variables ?? {};
          const interpret = () => execute({ schema, document, operationName: request.request.operationName, variableValues: inputs, contextValue: context });
          // No operation resolved (an unknown or empty operationName): graphql-js says why, in the
          // error Apollo answers as OPERATION_RESOLUTION_FAILURE.
          if (!operation) return interpret();
          const { query } = compile(document, operation);
          // Not compiled yet, or not compilable by graphql-jit (a subscription).
          if (!query || !isCompiledQuery(query)) return interpret();
          const variables = operation.variableDefinitions;
          if (variables?.length) {
            // Variables are checked by graphql-js first, so a bad one gets graphql-js's own error
            // (its message and node), which Apollo answers as BAD_USER_INPUT naming the field.
            const coerced = getVariableValues(schema, variables, inputs, { maxErrors: 50 });
            if (coerced.errors) return { errors: coerced.errors };
          }
          const result = await query.query(undefined, context, inputs);
          return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
        },
      };
    },
    async stop() {},
  };
}

/**
 * graphql-jit reports a resolver's error in an error class of its own: the same fields (message,
 * locations, path, originalError), and an instance of graphql-js's GraphQLError by its prototype,
 * but not made by its constructor: no `extensions` object when the thrown error had none (Apollo
 * reads extensions.code of every error, and answered INTERNAL_SERVER_ERROR for a database outage
 * instead of SERVICE_UNAVAILABLE), no nodes. Made again as graphql-js's execute makes it
 * (locatedError): message, path, locations, and the thrown error as originalError.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  if (Object.getPrototypeOf(error) === GraphQLError.prototype) return error; // graphql-js's own (variables)
  const { message, path, originalError, extensions, locations } = error;
  const converted = new GraphQLError(message, { path, originalError: originalError ?? undefined, extensions: extensions ?? undefined });
  if (locations?.length) (converted as { locations?: typeof locations }).locations = locations;
  return converted;
}

interface Compiled {
  /** Runs so far, while not compiled. */
  runs: number;
  /** The compiled function, or graphql-jit's refusal; undefined until compiled. */
  query: CompiledQuery | ExecutionResult | undefined;
}
