// A throwaway PostgreSQL for tests: never the developer's .data/. With TEST_DATABASE_URL set
// (any PostgreSQL 14+ where the user may create databases) it uses that server instead.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded";

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
  /** URL of the maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  urlFor: (database: string) => string;
  stop: () => Promise<void>;
};

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const u = new URL(external);
    return {
      adminUrl: external,
      urlFor: (db) => Object.assign(new URL(external), { pathname: `/${db}` }).toString(),
      stop: async () => void u,
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qingdan-test-pg-"));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const db = await startEmbeddedPostgres({ dataDir: dir, port, database: "postgres" });
  const base = new URL(db.url);
  return {
    adminUrl: db.url,
    urlFor: (name) => Object.assign(new URL(base.toString()), { pathname: `/${name}` }).toString(),
    stop: async () => {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
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
