import { afterAll, inject, vi } from "vitest";
import crypto from "node:crypto";
import pg from "pg";
import { testDatabase } from "./database";

// Each test file gets its own database, cloned from the seeded template (the demo city, see
// global-setup.ts) and owned by the owner role; the code under test connects as the runtime role,
// like the app.
const adminUrl = inject("adminDatabaseUrl");
const template = inject("seededDatabase");
const database = `qingdan_it_${crypto.randomBytes(5).toString("hex")}`;
const inDatabase = (u: string) => Object.assign(new URL(u), { pathname: `/${database}` }).toString();
const owner = decodeURIComponent(new URL(inject("ownerDatabaseUrl")).username);

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${database}" OWNER "${owner}" TEMPLATE "${template}"`);
await admin.end();

testDatabase.ownerUrl = inDatabase(inject("ownerDatabaseUrl"));
testDatabase.runtimeUrl = inDatabase(inject("runtimeDatabaseUrl"));
testDatabase.adminUrl = inDatabase(adminUrl);
process.env.DATABASE_URL = testDatabase.runtimeUrl;
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";

// Outside Next.js there is no request: the signed-in user and request metadata come from the
// test (see tests/integration/helpers.ts), and revalidation is a no-op.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("@/lib/auth/request-meta", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/request-meta")>()),
  requestMeta: async () => ({ address: "127.0.0.1", userAgent: "vitest" }),
}));
vi.mock("@/lib/auth/session", async () => {
  const { testSession } = await import("./session-state");
  return {
    getCurrentUser: async () => testSession.user,
    requireUser: async () => {
      if (!testSession.user) throw new Error("NEXT_REDIRECT");
      return testSession.user;
    },
    requirePermission: async () => {
      if (!testSession.user) throw new Error("NEXT_REDIRECT");
      return testSession.user;
    },
  };
});

afterAll(async () => {
  const { prisma } = await import("@/lib/db/client");
  await prisma.$disconnect();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await client.end();
});
