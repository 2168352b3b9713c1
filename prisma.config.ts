import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// Prisma 6.19's WebAssembly schema engine with @prisma/adapter-pg has two defects (prisma#27403):
// 1. catalogue queries return `name` (OID 19) and `"char"` (OID 18) columns that the adapter
//    refuses to deserialise; we report them as `text` (OID 25) before it looks.
// 2. executeScript() splits a migration on every ";", which breaks PL/pgSQL function bodies
//    (our append-only triggers); we send the script whole, as one simple-protocol query.
// 3. connectToShadowDb() overrides `database` next to a connection string, which node-postgres
//    ignores, so the "shadow" database would be the real one. We create and drop our own.
const TEXT_OID = 25;
const RETYPED_OIDS = new Set([18, 19]);

type Queryable = { performIO?: (query: unknown) => Promise<{ fields: { dataTypeID: number }[] }> };

function retypeCatalogColumns<T extends object>(queryable: T): T {
  const target = queryable as unknown as Queryable;
  const performIO = target.performIO?.bind(queryable);
  if (!performIO) return queryable;
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result?.fields ?? []) {
      if (RETYPED_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
  return queryable;
}

function connectionFields(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
    ssl: u.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
  };
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function shim(adapter: Adapter): Adapter {
  retypeCatalogColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => retypeCatalogColumns(await startTransaction(isolationLevel));
  const driver = adapter.underlyingDriver() as pg.Pool;
  adapter.executeScript = async (script: string) => {
    await driver.query(script);
  };
  return adapter;
}

class ShimmedPrismaPg extends PrismaPg {
  constructor(private readonly fields: pg.PoolConfig) {
    super(fields);
  }

  override async connect() {
    return shim(await super.connect());
  }

  override async connectToShadowDb() {
    const database = `qingdan_shadow_${crypto.randomUUID().replace(/-/g, "")}`;
    const admin = new pg.Client({ ...this.fields });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const adapter = shim(await new PrismaPg({ ...this.fields, database }).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const cleanup = new pg.Client({ ...this.fields });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await cleanup.end();
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    // `prisma generate` needs an adapter but never connects; migrations run through
    // scripts/qingdan.ts, which always sets DATABASE_URL (embedded or external).
    const url = process.env.DATABASE_URL ?? "postgresql://qingdan@localhost:5432/qingdan";
    return new ShimmedPrismaPg(connectionFields(url));
  },
});
