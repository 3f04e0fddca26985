import { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify from 'fastify';

/**
 * The framework alone, as the app uses it: Apollo Server 5 on Fastify through
 * @as-integrations/fastify, with a one-field schema and none of the app's code. What it answers
 * per second on this machine is the most the app could hope for.
 */
export async function startCeilingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const fastify = Fastify({ logger: false });
  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
  await apollo.start();
  fastify.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler: fastifyApolloHandler(apollo) });
  const address = await fastify.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `${address}/graphql`,
    async close() {
      await fastify.close();
      await apollo.stop();
    },
  };
}
