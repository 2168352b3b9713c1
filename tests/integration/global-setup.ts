import type { TestProject } from "vitest/node";
import { generateClient, migrate } from "../../scripts/runtime";
import { sql, startTestServer, uniqueName } from "../../scripts/test-db";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    adminDatabaseUrl: string;
    /** The template database as the owner role and as the runtime role (setup.ts swaps the name). */
    ownerDatabaseUrl: string;
    runtimeDatabaseUrl: string;
  }
}

// One migrated template per run, migrated as the owner like a real deployment; each test file
// clones it (see setup.ts) and runs the app code as the runtime role.
export default async function setup(project: TestProject) {
  await generateClient();
  const server = await startTestServer();
  const template = uniqueName("qingdan_template");
  await server.createDatabase(template);
  await migrate({ url: server.runtimeUrlFor(template), ownerUrl: server.ownerUrlFor(template) });
  project.provide("templateDatabase", template);
  project.provide("adminDatabaseUrl", server.adminUrl);
  project.provide("ownerDatabaseUrl", server.ownerUrlFor(template));
  project.provide("runtimeDatabaseUrl", server.runtimeUrlFor(template));
  return async () => {
    await sql(server.adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => {});
    await server.stop();
  };
}
