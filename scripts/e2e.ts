// Runs the Playwright suite against a production build, served like `npm start` (scripts/server.mjs) on a fresh,
// seeded, throwaway database. Arguments are passed through to `playwright test`.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { bin, buildIfNeeded, generateClient, migrate, root, run } from "./runtime";
import { freePort, sql, startTestServer } from "./test-db";
import { ensureBrowserDeps } from "./browser-deps";

async function waitFor(url: string, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer at ${url}`);
}

async function main() {
  // Before the build: a machine without Chromium learns it in a second, not after minutes.
  const browser = ensureBrowserDeps();
  if (!browser.ok) {
    console.log(browser.message);
    process.exit(1);
  }
  await generateClient();
  await buildIfNeeded();
  const server = await startTestServer();
  const database = `qingdan_e2e_${crypto.randomBytes(4).toString("hex")}`;
  await server.createDatabase(database);
  // Migrated as the owner; the seed, the app and the tests' own queries run as the runtime role.
  const url = server.runtimeUrlFor(database);
  await migrate({ url, ownerUrl: server.ownerUrlFor(database) });
  process.env.DATABASE_URL = url;
  const { createPrismaClient } = await import("../lib/db/client");
  const { seedDemoCity } = await import("../prisma/seed");
  const prisma = createPrismaClient(url);
  await seedDemoCity(prisma);
  await prisma.$disconnect();

  const port = Number(process.env.E2E_PORT ?? (await freePort()));
  const baseUrl = `http://localhost:${port}`;
  const app = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), "-p", String(port)], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      DATABASE_OWNER_URL: undefined,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: crypto.randomBytes(24).toString("hex"),
      // Every browser test signs in from 127.0.0.1; address slow-down has its own integration test.
      QINGDAN_ADDRESS_MAX_FAILURES: "10000",
      // Sessions sit idle while other tests run; idle and absolute lifetimes have their own tests.
      QINGDAN_SESSION_IDLE_MINUTES: "600",
      // The corrupted-upload test waits for this limit; the large files of the others need seconds.
      QINGDAN_IMPORT_PARSE_TIMEOUT_SECONDS: "10",
    },
  });
  let code = 1;
  try {
    await waitFor(`${baseUrl}/login`, 60_000);
    code = await run(bin("playwright"), ["test", ...process.argv.slice(2)], {
      env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_DATABASE_URL: url },
    });
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => (app.exitCode !== null ? r(null) : app.once("exit", r)));
    await sql(server.adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
    await server.stop();
  }
  process.exit(code);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
