// `npm start`, `npm run dev`, `npm run db:*`: one entry point that brings up the database
// (embedded unless DATABASE_URL is set), migrates, seeds an empty database, and serves.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { env } from "../lib/env";
import {
  activeChildren, bin, buildIfNeeded, checkRuntimeRole, isShuttingDown, onShutdown, generateClient, migrate, openDatabase, prismaEnv, root, runOrFail, sessionSecret,
  type Database,
} from "./runtime";
import { stripHandManaged } from "./migration-drift";

const command = process.argv[2] ?? "start";

async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(`SELECT count(*)::int AS n FROM org_unit`);
    return r.rows[0].n === 0;
  } finally {
    await client.end();
  }
}

async function seed(url: string) {
  process.env.DATABASE_URL = url;
  const { createPrismaClient } = await import("../lib/db/client");
  const { seedDemoCity } = await import("../prisma/seed");
  const prisma = createPrismaClient(url);
  try {
    console.log("正在写入示例市演示数据…");
    const started = Date.now();
    await seedDemoCity(prisma);
    console.log(`演示数据已写入（${((Date.now() - started) / 1000).toFixed(1)} 秒）。`);
  } finally {
    await prisma.$disconnect();
  }
}

async function demoPasswordsInUse(url: string): Promise<string[]> {
  const { createPrismaClient } = await import("../lib/db/client");
  const { demoPasswordsInUse: check } = await import("../lib/auth/demo-passwords");
  const prisma = createPrismaClient(url);
  try {
    return await check(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

async function printBanner(url: string, port: number) {
  const { DEMO_ACCOUNTS } = await import("../prisma/demo-accounts");
  const inUse = await demoPasswordsInUse(url);
  const address = env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  console.log("");
  console.log(`  Qingdan 清单 已启动：${address}`);
  console.log(`  公开门户：${address}/    登录：${address}/login`);
  console.log("");
  console.log("  演示账号（用户名 / 密码 / 角色）：");
  for (const a of DEMO_ACCOUNTS) console.log(`    ${a.username.padEnd(12)} ${a.password.padEnd(14)} ${a.label}`);
  if (inUse.length > 0) {
    console.log("");
    console.log(`  ⚠ 警告：${inUse.length} 个演示账号仍在使用公开的演示密码（${inUse.join(", ")}）。`);
    console.log("    正式使用前请修改这些密码或停用这些账号。");
  }
  console.log("");
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port);
  });
}

async function prepare(): Promise<Database> {
  await generateClient();
  const db = await openDatabase();
  console.log(db.embedded ? "使用内置 PostgreSQL（数据保存在 .data/postgres）。" : "使用 DATABASE_URL 指定的 PostgreSQL。");
  await migrate(db);
  // The seed writes through the app's own commands, so it runs as the app does: the runtime role.
  if (await isEmpty(db.url)) await seed(db.url);
  await checkRuntimeRole(db.url);
  return db;
}

async function serve(dev: boolean) {
  const port = env.PORT;
  if (!(await portFree(port))) {
    console.error(`端口 ${port} 已被占用。请停止占用它的程序，或用 PORT=3001 npm start 换一个端口。`);
    process.exit(1);
  }
  let db: Database | null = null;
  onShutdown(async () => {
    await db?.stop();
  });
  db = await prepare();
  if (!dev) await buildIfNeeded();
  const childEnv = {
    ...process.env,
    // The app gets the runtime role only, never the owner's credentials.
    DATABASE_URL: db.url,
    DATABASE_OWNER_URL: undefined,
    NEXTAUTH_SECRET: sessionSecret(),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NODE_ENV: (dev ? "development" : "production") as "development" | "production",
    PORT: String(port),
  };
  // Production runs through scripts/server.mjs (next start plus the socket's peer address, which
  // sign-in throttling and the audit log need); development keeps next dev's hot reload.
  const [command, args] = dev
    ? [bin("next"), ["dev", "-p", String(port)]]
    : [process.execPath, [path.join(root, "scripts", "server.mjs"), "-p", String(port)]];
  if (env.HOSTNAME) args.push("-H", env.HOSTNAME);
  const child: ChildProcess = spawn(command, args, { cwd: root, env: childEnv, stdio: ["inherit", "pipe", "inherit"] });
  activeChildren.add(child);
  const url = db.url;
  let bannerShown = false;
  child.stdout?.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!bannerShown && /Ready|started server|Local:/i.test(chunk.toString())) {
      bannerShown = true;
      void printBanner(url, port);
    }
  });

  child.on("exit", async (code, signal) => {
    activeChildren.delete(child);
    if (signal || isShuttingDown()) return; // onShutdown stops the database and exits
    await db?.stop();
    process.exit(code ?? 1);
  });
}

async function withDatabase(fn: (db: Database) => Promise<void>) {
  await generateClient();
  const db = await openDatabase();
  onShutdown(() => db.stop());
  try {
    await fn(db);
  } finally {
    await db.stop();
  }
}

async function main() {
  switch (command) {
    case "start":
      return serve(false);
    case "dev":
      return serve(true);
    case "generate":
      return generateClient();
    case "build":
      await generateClient();
      await buildIfNeeded(true);
      return;
    case "migrate":
      return withDatabase(async (db) => migrate(db));
    case "seed":
      return withDatabase(async (db) => {
        await migrate(db);
        if (await isEmpty(db.url)) await seed(db.url);
        else console.log("数据库已有数据，未重复写入。要重建演示数据请运行 npm run db:reset。");
      });
    case "reset":
      return withDatabase(async (db) => {
        const client = new pg.Client({ connectionString: db.ownerUrl });
        await client.connect();
        await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
        await client.end();
        console.log("数据库已清空。");
        await migrate(db);
        await seed(db.url);
      });
    case "new-migration": {
      const name = process.argv[3];
      if (!name) throw new Error("usage: npm run db:new-migration -- <name>");
      return withDatabase(async (db) => {
        const dir = path.join(root, "prisma", "migrations");
        const before = new Set(fs.readdirSync(dir));
        try {
          await runOrFail(bin("prisma"), ["migrate", "dev", "--create-only", "--name", name], { env: prismaEnv(db.ownerUrl) });
        } finally {
          for (const created of fs.readdirSync(dir).filter((d) => !before.has(d))) {
            const file = path.join(dir, created, "migration.sql");
            if (!fs.existsSync(file)) continue;
            const { sql, removed } = stripHandManaged(fs.readFileSync(file, "utf8"));
            if (!removed.length) continue;
            fs.writeFileSync(file, sql);
            console.log(`已从 ${created} 中去掉由触发器维护的约束：${removed.join("、")}`);
          }
        }
      });
    }
    default:
      throw new Error(`unknown command: ${command}`);
  }
}

main().then(
  () => {
    if (command !== "start" && command !== "dev") process.exit(0);
  },
  (error) => {
    if (isShuttingDown()) return; // a signal interrupted a step; onShutdown exits
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
