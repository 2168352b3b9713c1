import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDatabase } from "./database";

// Issue 14 §3: public reads go to a read replica (Prisma's read-replica extension), writes and
// the workspace to the primary. A second database stands in for the replica, so the test can
// see which one answered.
const replicaName = `qingdan_replica_${crypto.randomBytes(4).toString("hex")}`;
const inDb = (u: string, name: string) => Object.assign(new URL(u), { pathname: `/${name}` }).toString();
const adminSql = async (text: string) => {
  const c = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
};

beforeAll(async () => {
  const owner = decodeURIComponent(new URL(testDatabase.ownerUrl).username);
  await adminSql(`CREATE DATABASE "${replicaName}" OWNER "${owner}" TEMPLATE "${inject("templateDatabase")}"`);
  const c = new pg.Client({ connectionString: inDb(testDatabase.ownerUrl, replicaName) });
  await c.connect();
  await c.query(`INSERT INTO org_unit (name, kind, updated_at) VALUES ('副本市', 'CITY', now())`);
  await c.end();
  process.env.DATABASE_REPLICA_URLS = ` ${inDb(testDatabase.runtimeUrl, replicaName)} ,`;
});

afterAll(async () => {
  const { publicDb } = await import("@/lib/db/client");
  await publicDb.$disconnect().catch(() => {});
  delete (globalThis as Record<string, unknown>).qingdanReplicas;
  await adminSql(`DROP DATABASE IF EXISTS "${replicaName}" WITH (FORCE)`);
});

describe("read replicas", () => {
  it("reads the portal from the replica and everything else from the primary", async () => {
    const { prisma, publicDb, replicaUrls } = await import("@/lib/db/client");
    expect(replicaUrls(process.env.DATABASE_REPLICA_URLS)).toHaveLength(1);
    const [onReplica] = await publicDb.$queryRawUnsafe<{ db: string }[]>("SELECT current_database()::text AS db");
    const [onPrimary] = await prisma.$queryRawUnsafe<{ db: string }[]>("SELECT current_database()::text AS db");
    expect(onReplica.db).toBe(replicaName);
    expect(onPrimary.db).not.toBe(replicaName);
    const { publicHomeSummary } = await import("@/lib/portal/queries");
    expect((await publicHomeSummary()).cityName).toBe("副本市");
  });

  it("uses the primary when no replica is named", async () => {
    const { replicaUrls } = await import("@/lib/db/client");
    expect(replicaUrls(undefined)).toEqual([]);
    expect(replicaUrls(" , ")).toEqual([]);
  });
});
