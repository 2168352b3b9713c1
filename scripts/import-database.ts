// The database side of `npm run import` (scripts/import.ts): each file that parsed becomes a new
// draft guidance edition, committed through the same command as the web import. Kept apart so
// that the compiled CLI (scripts/import-cli.mjs) loads it from source, under tsx, only when a run
// writes to the database.
import fs from "node:fs";
import path from "node:path";
import { readFile } from "node:fs/promises";
import type { Report } from "./import-report";
import type { Database } from "./runtime";

export type Imported = {
  file: string;
  ok: boolean;
  error: string | null;
  editionId: number | null;
  title: string | null;
  items: number;
  subItems: number;
  skipped: number;
};

/** The embedded database may already be serving the app: then connect to it instead of starting it. */
async function connect(): Promise<Database> {
  const { openDatabase, root } = await import("./runtime");
  const { env } = await import("../lib/env");
  const { embeddedUrl, readCredentials } = await import("../lib/db/embedded");
  try {
    return await openDatabase();
  } catch (error) {
    const credentials = path.resolve(root, env.QINGDAN_DATA_DIR, "postgres.json");
    if (env.DATABASE_URL || !fs.existsSync(credentials) || !/已被占用/.test(String((error as Error)?.message))) throw error;
    const { owner, runtime } = readCredentials(path.dirname(credentials));
    const url = embeddedUrl(runtime, env.QINGDAN_PG_PORT, "qingdan");
    const ownerUrl = embeddedUrl(owner, env.QINGDAN_PG_PORT, "qingdan");
    console.log("内置数据库已在运行（系统正在使用），直接连接它导入。");
    return { url, ownerUrl, embedded: false, stop: async () => {} };
  }
}

function titleFromFile(file: string): string {
  const base = path.basename(file).replace(/\.(xlsx|xlsm|xls|csv|txt)$/i, "").trim() || "导入的清单";
  return base.length >= 4 ? base : `${base}（导入）`;
}

export async function importFiles(report: Report): Promise<Imported[]> {
  const targets = report.files.filter((f) => f.ok);
  if (targets.length === 0) return [];
  const { generateClient, migrate, root } = await import("./runtime");
  if (!fs.existsSync(path.join(root, "lib/generated/prisma/client.ts"))) await generateClient();
  const db = await connect();
  const results: Imported[] = [];
  try {
    await migrate(db);
    const { createPrismaClient } = await import("../lib/db/client");
    const { writeAudit } = await import("../lib/audit/write");
    const { commitFile, createEdition } = await import("../lib/catalogue/commands");
    const { AppError } = await import("../lib/errors");
    const prisma = createPrismaClient(db.url);
    try {
      for (const entry of targets) {
        const fileName = path.basename(entry.file);
        try {
          const bytes = await readFile(entry.file);
          const base = titleFromFile(entry.file);
          const taken = new Set(
            (await prisma.catalogueEdition.findMany({ where: { kind: "GUIDANCE", title: { startsWith: base } }, select: { title: true } })).map((e) => e.title),
          );
          let title = base;
          for (let n = 2; taken.has(title); n++) title = `${base}（${n}）`;
          const result = await prisma.$transaction(
            async (tx) => {
              const ctx = { tx, user: null, audit: (e: Parameters<typeof writeAudit>[3]) => writeAudit(tx, null, { address: null, userAgent: "qingdan-cli" }, e) };
              const edition = await createEdition({ kind: "GUIDANCE", title, description: `由命令行从文件「${fileName}」导入。` }, ctx);
              const summary = await commitFile({ editionId: edition.id, fileName, bytes, source: "CLI" }, ctx);
              return summary;
            },
            { timeout: 10 * 60_000, maxWait: 60_000 },
          );
          results.push({ file: entry.file, ok: true, error: null, editionId: result.editionId, title, items: result.items, subItems: result.subItems, skipped: result.skipped });
        } catch (error) {
          const message = error instanceof AppError ? error.message : `导入失败：${error instanceof Error ? error.message : String(error)}`;
          results.push({ file: entry.file, ok: false, error: message, editionId: null, title: null, items: 0, subItems: 0, skipped: 0 });
        }
      }
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await db.stop();
  }
  return results;
}
