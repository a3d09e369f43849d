import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres.js';

// One throw-away PostgreSQL cluster for the whole server test run (started in ~1.5 s); each test
// file makes databases of its own in it (test-database.ts).

declare module 'vitest' {
  export interface ProvidedContext {
    /** The cluster's `postgres` database, as its superuser. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startTestPostgres();
  project.provide('postgresUrl', cluster.url());
  return () => cluster.stop();
}
