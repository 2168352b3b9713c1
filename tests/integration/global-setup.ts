import type { TestProject } from "vitest/node";
import { generateClient, migrate } from "../../scripts/runtime";
import { sql, startTestServer, uniqueName } from "../../scripts/test-db";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    adminDatabaseUrl: string;
  }
}

// One migrated template database per run; each test file clones it (see setup.ts).
export default async function setup(project: TestProject) {
  await generateClient();
  const server = await startTestServer();
  const template = uniqueName("qingdan_template");
  await sql(server.adminUrl, `CREATE DATABASE "${template}"`);
  await migrate(server.urlFor(template));
  project.provide("templateDatabase", template);
  project.provide("adminDatabaseUrl", server.adminUrl);
  return async () => {
    await sql(server.adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => {});
    await server.stop();
  };
}
