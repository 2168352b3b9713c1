// `npm run scale-test` (issue 14 §3): the several-servers arrangement of README "Running on
// several servers", on this one machine, under load, losing an app server in the middle:
//   1. a PostgreSQL primary and a streaming replica (Debian's postgresql packages; installed when
//      missing and running as root, as .ci/run does for Chromium);
//   2. two app servers (scripts/server.mjs) on different ports, nginx in front
//      (deploy/nginx/qingdan.conf itself, rewritten for loopback ports and temporary paths by
//      scripts/nginx-config.ts);
//   3. the demo city seeded;
//   4. a bounded load of public reads through nginx, mixed with sign-ins (workspace writes) and
//      one publish through the app's own publish command;
//   5. one app server stopped in the middle;
//   6. one line: `scale test: N requests, E errors, reads on replica R%, failover ok, publish visible after X ms`.
// Exits non-zero unless there were 0 errors and more than 90% of the public reads' database work
// ran on the replica (pg_stat_statements on both servers). Everything it starts, it stops.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { buildIfNeeded, generateClient, migrate, root } from "./runtime";
import { freePort } from "./test-db";
import { nginxConfigFromDeploy, readDeployNginxConf } from "./nginx-config";

const SECONDS = Number(process.env.SCALE_TEST_SECONDS ?? 30);
const CONNECTIONS = 32;
const children: ChildProcess[] = [];
const isRoot = process.getuid?.() === 0;

function sh(command: string, args: string[], options: { asPostgres?: boolean; env?: Record<string, string> } = {}) {
  const [cmd, argv] = options.asPostgres && isRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const r = spawnSync(cmd, argv, { encoding: "utf8", env: { ...process.env, ...options.env } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function pgBin(): string {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, "bin/initdb"))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], "bin") : "";
}

/** Debian's postgresql and nginx, installed without starting their system services. */
function ensurePackages() {
  const missing = [!pgBin() && "postgresql", !fs.existsSync("/usr/sbin/nginx") && "nginx"].filter(Boolean) as string[];
  if (!missing.length) return;
  if (!isRoot) throw new Error(`需要 ${missing.join("、")}：请以 root 运行，或先 apt-get install ${missing.join(" ")}`);
  console.log(`安装 ${missing.join(" ")}（Debian 软件包）…`);
  const policy = "/usr/sbin/policy-rc.d";
  const hadPolicy = fs.existsSync(policy);
  if (!hadPolicy) fs.writeFileSync(policy, "#!/bin/sh\nexit 101\n", { mode: 0o755 }); // do not start the services
  try {
    sh("apt-get", ["update", "-qq"]);
    sh("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], { env: { DEBIAN_FRONTEND: "noninteractive" } });
  } finally {
    if (!hadPolicy) fs.rmSync(policy, { force: true });
  }
}

function start(name: string, command: string, args: string[], env: Record<string, string | undefined>, log: string): ChildProcess {
  const out = fs.openSync(log, "a");
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", out, out] });
  child.on("exit", (code, signal) => {
    if (!stopping && !expectedExit.has(child)) console.error(`${name} 意外退出（${code ?? signal}），日志：${log}`);
  });
  children.push(child);
  return child;
}
let stopping = false;
const expectedExit = new Set<ChildProcess>();

async function waitFor(what: string, check: () => Promise<boolean>, seconds = 120) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} 在 ${seconds} 秒内没有就绪`);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS + 4 });
function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: init.headers, agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(15_000, () => req.destroy(new Error("timeout")));
    req.end(init.body);
  });
}

async function query<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Sign in through next-auth's credentials endpoint: writes a session row and an audit row on the primary. */
async function signIn(base: string, username: string, password: string): Promise<boolean> {
  const csrf = await request(`${base}/api/auth/csrf`);
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const r = await request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }).toString(),
  });
  const session = (r.headers["set-cookie"] ?? []).some((c) => /session-token=/.test(c));
  return (r.status === 200 || r.status === 302) && session;
}

async function main() {
  ensurePackages();
  const bin = pgBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qingdan-scale-"));
  fs.chmodSync(dir, 0o777);
  const [pgPrimary, pgReplica, appA, appB, front] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const cleanups: (() => void)[] = [];
  const cleanup = () => {
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    for (const f of cleanups.reverse()) {
      try {
        f();
      } catch {}
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on("SIGINT", () => (cleanup(), process.exit(130)));
  try {
    // 1. Primary and streaming replica.
    const primaryDir = path.join(dir, "primary");
    const replicaDir = path.join(dir, "replica");
    sh(`${bin}/initdb`, ["-D", primaryDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], { asPostgres: true });
    fs.appendFileSync(
      path.join(primaryDir, "postgresql.conf"),
      `\nport = ${pgPrimary}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nwal_level = replica\nmax_wal_senders = 5\nshared_preload_libraries = 'pg_stat_statements'\nfsync = off\n`,
    );
    sh(`${bin}/pg_ctl`, ["-D", primaryDir, "-l", path.join(dir, "primary.log"), "-w", "start"], { asPostgres: true });
    cleanups.push(() => sh(`${bin}/pg_ctl`, ["-D", primaryDir, "-m", "immediate", "stop"], { asPostgres: true }));
    const superPrimary = `postgresql://postgres@127.0.0.1:${pgPrimary}/postgres`;
    for (const stmt of [
      "CREATE ROLE qingdan_owner LOGIN PASSWORD 'owner'",
      "CREATE ROLE qingdan_app LOGIN PASSWORD 'app'",
      "CREATE DATABASE qingdan OWNER qingdan_owner",
    ])
      await query(superPrimary, stmt);
    const superDb = `postgresql://postgres@127.0.0.1:${pgPrimary}/qingdan`;
    await query(superDb, "ALTER SCHEMA public OWNER TO qingdan_owner");
    await query(superDb, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    await query(superDb, "CREATE EXTENSION pg_stat_statements");
    const ownerUrl = `postgresql://qingdan_owner:owner@127.0.0.1:${pgPrimary}/qingdan`;
    const appUrl = `postgresql://qingdan_app:app@127.0.0.1:${pgPrimary}/qingdan`;
    const replicaUrl = `postgresql://qingdan_app:app@127.0.0.1:${pgReplica}/qingdan`;
    console.log("主库已启动，迁移并写入演示数据…");
    await generateClient();
    await migrate({ url: appUrl, ownerUrl });
    process.env.DATABASE_URL = appUrl;
    const { createPrismaClient } = await import("../lib/db/client");
    const { seedDemoCity } = await import("../prisma/seed");
    const prisma = createPrismaClient(appUrl);
    await seedDemoCity(prisma);

    sh(`${bin}/pg_basebackup`, ["-h", "127.0.0.1", "-p", String(pgPrimary), "-U", "postgres", "-D", replicaDir, "-R", "-X", "stream"], { asPostgres: true });
    fs.appendFileSync(path.join(replicaDir, "postgresql.conf"), `\nport = ${pgReplica}\nhot_standby = on\n`);
    sh(`${bin}/pg_ctl`, ["-D", replicaDir, "-l", path.join(dir, "replica.log"), "-w", "start"], { asPostgres: true });
    cleanups.push(() => sh(`${bin}/pg_ctl`, ["-D", replicaDir, "-m", "immediate", "stop"], { asPostgres: true }));
    const [{ recovery }] = await query<{ recovery: boolean }>(replicaUrl, "SELECT pg_is_in_recovery() AS recovery");
    if (!recovery) throw new Error("the replica is not in recovery");
    console.log("流复制备库已启动。");

    // 2. Two app servers and nginx.
    await buildIfNeeded();
    const frontUrl = `http://127.0.0.1:${front}`;
    const appEnv = {
      NODE_ENV: "production",
      DATABASE_URL: appUrl,
      DATABASE_OWNER_URL: ownerUrl,
      DATABASE_REPLICA_URLS: replicaUrl,
      NEXTAUTH_SECRET: crypto.randomBytes(24).toString("hex"),
      NEXTAUTH_URL: frontUrl,
      QINGDAN_TRUST_PROXY: "true",
    };
    const server = (port: number) => start(`app :${port}`, process.execPath, [path.join(root, "scripts/server.mjs"), "-p", String(port), "-H", "127.0.0.1"], appEnv, path.join(dir, `app-${port}.log`));
    const a = server(appA);
    server(appB);
    for (const port of [appA, appB]) await waitFor(`app :${port}`, async () => (await request(`http://127.0.0.1:${port}/`)).status === 200);
    const nginxDir = path.join(dir, "nginx");
    fs.mkdirSync(path.join(nginxDir, "cache"), { recursive: true });
    fs.chmodSync(nginxDir, 0o777);
    fs.chmodSync(path.join(nginxDir, "cache"), 0o777);
    const conf = path.join(nginxDir, "nginx.conf");
    fs.writeFileSync(conf, nginxConfigFromDeploy(readDeployNginxConf(), { dir: nginxDir, port: front, upstreams: [appA, appB], user: isRoot ? "nobody nogroup" : undefined }));
    start("nginx", "/usr/sbin/nginx", ["-c", conf, "-p", nginxDir, "-g", "daemon off;"], {}, path.join(dir, "nginx.log"));
    await waitFor("nginx", async () => (await request(`${frontUrl}/`)).status === 200);
    console.log(`两个应用服务器（:${appA}、:${appB}）和 nginx（:${front}）已启动。`);

    // 3. The load.
    const lists = await query<{ id: number; version_no: number }>(appUrl, `SELECT l.id, v.version_no FROM power_list l JOIN power_list_version v ON v.id = l.current_version_id ORDER BY l.id`);
    if (!lists.length) throw new Error("the demo city has no published list");
    for (const url of [superDb, `postgresql://postgres@127.0.0.1:${pgReplica}/qingdan`]) await query(url, "SELECT pg_stat_statements_reset()");
    const paths = lists.flatMap((l) => [`/lists/${l.id}`, `/api/public/lists/${l.id}`, `/lists/${l.id}/v/${l.version_no}`, `/lists/${l.id}/history`]).concat(["/", "/lists", "/api/public/lists"]);
    let requests = 0;
    let errors = 0;
    const errorSamples: string[] = [];
    const stopAt = Date.now() + SECONDS * 1000;
    const fail = (what: string) => {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(what);
    };
    const reader = async () => {
      while (Date.now() < stopAt) {
        const p = paths[Math.floor(Math.random() * paths.length)];
        try {
          const r = await request(frontUrl + p, { headers: { "Accept-Encoding": "gzip" } });
          if (r.status !== 200 && r.status !== 304) fail(`${p} → ${r.status}`);
        } catch (e) {
          fail(`${p} → ${(e as Error).message}`);
        }
        requests++;
      }
    };
    const writer = async () => {
      while (Date.now() < stopAt) {
        try {
          if (!(await signIn(frontUrl, "bianban", process.env.SCALE_TEST_PASSWORD ?? "Qingdan@2026"))) fail("sign-in refused");
        } catch (e) {
          fail(`sign-in → ${(e as Error).message}`);
        }
        requests++;
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    let publishVisibleMs = -1;
    const events = async () => {
      await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 3));
      expectedExit.add(a);
      a.kill("SIGTERM"); // one app server goes away mid-run
      console.log(`已停止应用服务器 :${appA}。`);
      await new Promise((r) => setTimeout(r, 2000));
      publishVisibleMs = await publishOne(prisma, lists[0].id, frontUrl);
    };
    console.log(`负载：${CONNECTIONS} 个连接读取公开页面，每秒一次登录，共 ${SECONDS} 秒…`);
    await Promise.all([...Array.from({ length: CONNECTIONS }, reader), writer(), events()]);

    // 4. Where the public reads' database work ran.
    const sumCalls = (url: string) =>
      query<{ calls: string }>(
        url,
        `SELECT coalesce(sum(calls), 0) AS calls FROM pg_stat_statements
          WHERE query ILIKE '%power_list_version%' AND query NOT ILIKE '%concat_ws%' AND query ILIKE 'select%'`,
      ).then((r) => Number(r[0].calls));
    const onPrimary = await sumCalls(superDb);
    const onReplica = await sumCalls(`postgresql://postgres@127.0.0.1:${pgReplica}/qingdan`);
    const share = onReplica + onPrimary ? (100 * onReplica) / (onReplica + onPrimary) : 0;
    await prisma.$disconnect();
    const ok = errors === 0 && share > 90 && publishVisibleMs >= 0;
    if (errorSamples.length) console.log(`errors, e.g.: ${errorSamples.join("; ")}`);
    console.log(`scale test: ${requests} requests, ${errors} errors, reads on replica ${share.toFixed(1)}%, failover ${errors === 0 ? "ok" : "FAILED"}, publish visible after ${publishVisibleMs} ms`);
    return ok ? 0 : 1;
  } finally {
    agent.destroy();
    cleanup();
  }
}

/**
 * Publishes a new version of a list through the app's own publish command (on the primary) and
 * returns how long until nginx serves it on the list's current JSON URL.
 */
async function publishOne(prisma: import("../lib/generated/prisma/client").PrismaClient, listId: number, frontUrl: string): Promise<number> {
  const { publishList } = await import("../lib/lists/commands");
  const { writeAudit } = await import("../lib/audit/write");
  const { today } = await import("../lib/dates");
  const bianban = await prisma.user.findFirstOrThrow({ where: { username: "bianban" }, include: { unit: true } });
  const user = {
    id: bianban.id, username: bianban.username, displayName: bianban.displayName, roles: bianban.roles, unitId: bianban.unitId, unitName: bianban.unit.name,
    unitKind: bianban.unit.kind, unitParentId: bianban.unit.parentId, jointMeetingMember: bianban.unit.jointMeetingMember, mustChangePassword: false,
  } as import("../lib/auth/types").SessionUser;
  const { version } = await prisma.powerList.update({ where: { id: listId }, data: { status: "APPROVED" }, select: { version: true } });
  const meta = { address: null, userAgent: "scale-test" };
  const published = await prisma.$transaction(async (tx) => {
    await publishList({ listId, version, documentNumber: "扩展测试〔2026〕1号", publishDate: today(), effectiveDate: today(), note: null }, { tx, user, meta, audit: (e) => writeAudit(tx, user, meta, e) });
    return tx.powerList.findUniqueOrThrow({ where: { id: listId }, select: { currentVersion: { select: { versionNo: true } } } });
  });
  const wanted = published.currentVersion!.versionNo;
  const t = Date.now();
  for (;;) {
    const r = await request(`${frontUrl}/api/public/lists/${listId}`);
    if (r.status === 200 && (JSON.parse(r.body) as { version?: { number?: number } }).version?.number === wanted) return Date.now() - t;
    if (Date.now() - t > 60_000) return -1;
    await new Promise((r) => setTimeout(r, 50));
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
