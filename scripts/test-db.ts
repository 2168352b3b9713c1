// A throwaway PostgreSQL for tests: never the developer's .data/. With TEST_DATABASE_URL set
// (any PostgreSQL 14+ where the user may create databases and roles) it uses that server instead.
// Like the app, tests migrate as an owner role and run app code as a separate runtime role.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { ensureRoles } from "../lib/db/roles";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export type TestServer = {
  /** URL of the maintenance database as a superuser, for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** The superuser on `database` (the bench, which needs VACUUM, and nothing else). */
  urlFor: (database: string) => string;
  /** The owner role on `database`: migrations, and test helpers that truly need an owner. */
  ownerUrlFor: (database: string) => string;
  /** The runtime role on `database`: what the app and the tests' app code connect as. */
  runtimeUrlFor: (database: string) => string;
  /** Creates `database` owned by the owner role, empty or as a copy of `template`. */
  createDatabase: (database: string, template?: string) => Promise<void>;
  stop: () => Promise<void>;
};

type Role = { user: string; password: string };

function withDatabase(url: string, database: string, role?: Role) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (role) {
    u.username = encodeURIComponent(role.user);
    u.password = encodeURIComponent(role.password);
  }
  return u.toString();
}

function server(adminUrl: string, owner: Role, runtime: Role, stop: () => Promise<void>): TestServer {
  return {
    adminUrl,
    urlFor: (db) => withDatabase(adminUrl, db),
    ownerUrlFor: (db) => withDatabase(adminUrl, db, owner),
    runtimeUrlFor: (db) => withDatabase(adminUrl, db, runtime),
    createDatabase: async (db, template) => {
      await sql(adminUrl, `CREATE DATABASE "${db}" OWNER "${owner.user}"${template ? ` TEMPLATE "${template}"` : ""}`);
    },
    stop,
  };
}

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    // Roles of this run only (the user must be a superuser, or have CREATEROLE and CREATEDB).
    const suffix = crypto.randomBytes(4).toString("hex");
    const owner = { user: `qingdan_test_owner_${suffix}`, password: crypto.randomBytes(18).toString("base64url") };
    const runtime = { user: `qingdan_test_app_${suffix}`, password: crypto.randomBytes(18).toString("base64url") };
    const client = new pg.Client({ connectionString: external });
    await client.connect();
    try {
      await ensureRoles(client, { owner, runtime });
      // PostgreSQL 16+: a CREATEROLE user needs membership to create databases owned by the role.
      await client.query(`GRANT "${owner.user}" TO CURRENT_USER`).catch(() => {});
    } finally {
      await client.end();
    }
    return server(external, owner, runtime, async () => {
      for (const role of [runtime, owner]) await sql(external, `DROP ROLE IF EXISTS "${role.user}"`).catch(() => {});
    });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qingdan-test-pg-"));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const db = await startEmbeddedPostgres({ dataDir: dir, port, database: null });
  return server(db.adminUrl, db.credentials.owner, db.credentials.runtime, async () => {
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

export async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

export function uniqueName(prefix: string) {
  return `${prefix}_${crypto.randomBytes(5).toString("hex")}`;
}
