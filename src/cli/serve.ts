import { createApp, type App } from '../app.js';
import { prepareAccounts } from '../auth/accounts-at-start.js';
import type { Config } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Logger } from '../logger.js';
import { buildAppSchema } from '../schema.js';
import { createServer, type Server } from '../server.js';
import { DEMO_ADMIN, DEMO_PICTURES, DEMO_STUDENT_PASSWORD, DEMO_STUDENTS, DEMO_TEACHER_PASSWORD, demoTeacherUsername, demoUsername, seed } from '../../db/seeds/seed.js';

/**
 * Builds the app, prepares the database (migrate, first-start seed, accounts), and listens.
 * `options` go to createApp (tests point it at their own database).
 */
export async function startServer(config: Config, logger: Logger, options?: Parameters<typeof createApp>[2]): Promise<{ app: App; server: Server; url: string }> {
  const app = await createApp(config, logger, options);
  if (app.tokens.randomSecret) logger.warn('JWT_SECRET is not set: using a random per-process secret (tokens die with the process, and instances cannot share them).');
  try {
    if (config.database.migrateOnStart) {
      const applied = await migrateToLatest(app.database.db);
      for (const m of applied) logger.info({ migration: m.migrationName, status: m.status }, 'migration');
    }
    await app.partitions.run();
    app.partitions.start();
    let seeded = false;
    if (config.database.seedOnStart) {
      const report = await seed(app.database.db, { students: DEMO_STUDENTS, history: false, accounts: config.env !== 'production', production: config.env === 'production' });
      seeded = report.modules > 0 || report.studentsCreated > 0;
      if (seeded) logger.info(report, 'seeded the database with demo data');
    }
    const demoStudents = Array.from({ length: 5 }, (_, i) => demoUsername(i + 1));
    const demo = { admin: DEMO_ADMIN, studentUsernames: demoStudents, studentPassword: DEMO_STUDENT_PASSWORD, teacherUsernames: [1, 2, 3, 4, 5].map(demoTeacherUsername), teacherPassword: DEMO_TEACHER_PASSWORD };
    await prepareAccounts(app.repositories.auth, config, demo, logger);
    await app.curriculumWatcher.check();
    app.curriculumWatcher.start(config.curriculumCheckMs);
    const server = await createServer(app, await buildAppSchema());
    const address = await server.fastify.listen({ host: config.host, port: config.port });
    const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${new URL(address).port}/graphql`;
    return { app, server, url };
  } catch (error) {
    await app.close().catch(() => {});
    throw error;
  }
}

export function banner(config: Config, url: string): string {
  const lines = [
    '',
    `  RevEd Kids API ready at ${url}`,
    `  database: ${config.database.url ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.database.pgliteDir}`}`,
    `  cache:    ${config.redisUrl ? 'Redis (REDIS_URL)' : 'in memory'}`,
  ];
  if (config.env !== 'production') {
    lines.push(
      `  Apollo Sandbox: open ${url} in a browser`,
      '',
      '  Demo logins:',
      `    admin       ${DEMO_ADMIN.username} / ${DEMO_ADMIN.password}`,
      `    students    ${demoUsername(1)} ... ${demoUsername(DEMO_STUDENTS)} / ${DEMO_STUDENT_PASSWORD}  (levels CP to CM2, in turn)`,
      `    teachers    ${demoTeacherUsername(1)} ... ${demoTeacherUsername(5)} / ${DEMO_TEACHER_PASSWORD}  (one class each, CP to CM2, of those students)`,
      `    pictures    a class's children also sign in with loginWithPictures: its classCode, their id, pictures [${DEMO_PICTURES.join(', ')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}
