import type { TestProject } from "vitest/node";
import { generateClient, migrate } from "../../scripts/runtime";
import { sql, startTestServer, uniqueName } from "../../scripts/test-db";

declare module "vitest" {
  export interface ProvidedContext {
    /** Migrated, empty. */
    templateDatabase: string;
    /** Migrated and seeded with the demo city once per run; each test file's database is a clone. */
    seededDatabase: string;
    adminDatabaseUrl: string;
    /** The template database as the owner role and as the runtime role (setup.ts swaps the name). */
    ownerDatabaseUrl: string;
    runtimeDatabaseUrl: string;
  }
}

// One migrated template per run, migrated as the owner like a real deployment, and one copy of it
// seeded with the demo city through the real commands (as the runtime role, like the app). Each
// test file clones the seeded one (see setup.ts): a clone takes well under a second, where seeding
// in every file cost about 12 s each, over six minutes a run.
export default async function setup(project: TestProject) {
  await generateClient();
  const server = await startTestServer();
  const template = uniqueName("qingdan_template");
  await server.createDatabase(template);
  await migrate({ url: server.runtimeUrlFor(template), ownerUrl: server.ownerUrlFor(template) });
  const seeded = uniqueName("qingdan_seeded");
  await sql(server.adminUrl, `CREATE DATABASE "${seeded}" OWNER "${decodeURIComponent(new URL(server.ownerUrlFor(template)).username)}" TEMPLATE "${template}"`);
  const { createPrismaClient } = await import("../../lib/db/client");
  const { seedDemoCity } = await import("../../prisma/seed");
  const prisma = createPrismaClient(server.runtimeUrlFor(seeded));
  try {
    await seedDemoCity(prisma);
  } finally {
    await prisma.$disconnect();
  }
  project.provide("templateDatabase", template);
  project.provide("seededDatabase", seeded);
  project.provide("adminDatabaseUrl", server.adminUrl);
  project.provide("ownerDatabaseUrl", server.ownerUrlFor(template));
  project.provide("runtimeDatabaseUrl", server.runtimeUrlFor(template));
  return async () => {
    for (const db of [seeded, template]) await sql(server.adminUrl, `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`).catch(() => {});
    await server.stop();
  };
}
