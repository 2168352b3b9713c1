// Shared by the project's own scripts (start, tests, bench): where the database comes from.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../lib/env";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { describeRoleProblems, grantRuntimeRole, runtimeRoleProblems, userOf } from "../lib/db/roles";

export const root = path.resolve(import.meta.dirname, "..");
export const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

/**
 * `url` is the runtime role the app and the seed connect as; `ownerUrl` the owner that migrates.
 * They are the same only for an external server given DATABASE_URL alone (warned at start).
 */
export type Database = { url: string; ownerUrl: string; embedded: boolean; stop: () => Promise<void> };

export async function openDatabase(options: { dataDir?: string; port?: number; database?: string } = {}): Promise<Database> {
  if (env.DATABASE_OWNER_URL && !env.DATABASE_URL) {
    throw new Error("设置了 DATABASE_OWNER_URL 但没有设置 DATABASE_URL：两者都要设置（DATABASE_URL 是应用运行使用的账号）。");
  }
  if (env.DATABASE_URL && !options.dataDir) {
    if (!env.DATABASE_OWNER_URL) {
      console.warn(
        "⚠ 未设置 DATABASE_OWNER_URL：数据库迁移和应用运行都使用 DATABASE_URL 的账号。建议另设一个拥有数据表的账号用于迁移（见 README）。\n" +
          "⚠ DATABASE_OWNER_URL is not set: migrations and the app both use DATABASE_URL's user. Use a separate owner role for migrations (see README).",
      );
    }
    return { url: env.DATABASE_URL, ownerUrl: env.DATABASE_OWNER_URL ?? env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const dataDir = path.resolve(root, options.dataDir ?? env.QINGDAN_DATA_DIR);
  const db = await startEmbeddedPostgres({
    dataDir,
    port: options.port ?? env.QINGDAN_PG_PORT,
    database: options.database,
    log: (line) => console.log(line),
  });
  return { url: db.url, ownerUrl: db.ownerUrl, embedded: true, stop: db.stop };
}

/** Child processes still running, so a signal handler can stop them with us. */
export const activeChildren = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  activeChildren.add(child);
  child.on("exit", () => activeChildren.delete(child));
  return child;
}

export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = track(spawn(command, args, { stdio: "inherit", cwd: root, ...options }));
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** On Ctrl-C or SIGTERM: stop child processes, then run `cleanup` (e.g. stop the database), then exit. */
let stopping = false;
export const isShuttingDown = () => stopping;

export function onShutdown(cleanup: () => Promise<void>) {
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n收到 ${signal}，正在停止…`);
    await Promise.all(
      [...activeChildren].map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve(null);
            child.once("exit", resolve);
            child.kill("SIGTERM");
          }),
      ),
    );
    await cleanup().catch((e) => console.error(e));
    console.log("已停止。");
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/** Runs quietly; prints the command's output only when it fails. */
export function runQuiet(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = track(spawn(command, args, { cwd: root, ...options, stdio: ["ignore", "pipe", "pipe"] }));
    let output = "";
    child.stdout?.on("data", (c) => (output += c));
    child.stderr?.on("data", (c) => (output += c));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) return resolve();
      if (!stopping) process.stderr.write(output);
      reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}`));
    });
  });
}

export async function runOrFail(command: string, args: string[], options: SpawnOptions = {}) {
  const code = await run(command, args, options);
  if (code !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}`);
}

export function prismaEnv(url: string): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
}

// `prisma generate` reads DATABASE_URL from the schema; without one the CLI falls back to the
// native engine and tries to download it. The URL is never connected to.
export async function generateClient() {
  await runQuiet(bin("prisma"), ["generate"], {
    env: prismaEnv(env.DATABASE_URL ?? "postgresql://qingdan@127.0.0.1:5432/qingdan"),
  });
}

/**
 * Applies the migrations as the owner, then (re)grants the runtime role what the app needs. A bare
 * URL (one role for everything, e.g. the bench) only migrates.
 */
export async function migrate(target: string | Pick<Database, "url" | "ownerUrl">) {
  const { url, ownerUrl } = typeof target === "string" ? { url: target, ownerUrl: target } : target;
  await runQuiet(bin("prisma"), ["migrate", "deploy"], { env: prismaEnv(ownerUrl) });
  if (userOf(url) !== userOf(ownerUrl)) await grantRuntimeRole(ownerUrl, userOf(url));
  console.log("数据库结构已是最新。");
}

/** Prints a warning (Chinese and English) when the app's database user can bypass the guards. */
export async function checkRuntimeRole(url: string): Promise<boolean> {
  const warning = describeRoleProblems(userOf(url), await runtimeRoleProblems(url));
  if (warning) console.warn(warning);
  return warning === null;
}

export function sessionSecret(dataDir = path.resolve(root, env.QINGDAN_DATA_DIR)): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const BUILD_INPUTS = ["app", "components", "lib", "prisma/schema.prisma", "public", "package-lock.json", "next.config.js", "postcss.config.mjs", "proxy.ts", "tsconfig.json"];

function fingerprint(): string {
  const hash = crypto.createHash("sha256");
  const walk = (p: string) => {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      if (p.endsWith("generated")) return;
      for (const name of fs.readdirSync(full).sort()) walk(path.join(p, name));
    } else {
      hash.update(`${p}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  BUILD_INPUTS.forEach(walk);
  return hash.digest("hex");
}

export async function buildIfNeeded(force = false) {
  const stampFile = path.join(root, ".next", "qingdan-build-stamp");
  const current = fingerprint();
  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile)
    ? fs.readFileSync(stampFile, "utf8")
    : "";
  if (!force && built === current) return false;
  console.log("正在构建（首次或代码有更新时需要，约 1–2 分钟）…");
  await runOrFail(bin("next"), ["build"], { env: { ...process.env, NODE_ENV: "production" } });
  fs.writeFileSync(stampFile, current);
  return true;
}
