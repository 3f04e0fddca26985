import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

/** DateTime: ISO-8601 strings in UTC. JSON: any JSON value. Names as in the contract. */
export const DateTimeScalar = DateTimeResolver;
export const JSONScalar = JSONResolver;
