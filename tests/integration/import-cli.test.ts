import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REAL_LISTS_DIR } from "@/tests/fixtures/paths";
import { testDatabase } from "./database";
import { prisma } from "./helpers";

// `npm run import -- <file>` as README documents it: the compiled CLI (scripts/import-cli.mjs)
// parses in its compiled worker and loads the database side from source, then writes a draft
// guidance edition through the same commit command as the web import, audited.
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

describe("npm run import (the compiled CLI) into the database", () => {
  it("imports a real spreadsheet into a new draft edition, audited", async () => {
    const file = path.join(REAL_LISTS_DIR, "karamay-civil-air-defence-office.xlsx");
    const { stdout, stderr } = await run(process.execPath, [path.join(root, "scripts/import-cli.mjs"), "--json", file], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: testDatabase.runtimeUrl, DATABASE_OWNER_URL: testDatabase.ownerUrl },
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(stderr).not.toContain("改为直接运行源码");
    const { imported } = JSON.parse(stdout);
    expect(imported).toEqual([expect.objectContaining({ file, ok: true, error: null, title: "karamay-civil-air-defence-office", items: 17, subItems: 2 })]);

    const edition = await prisma.catalogueEdition.findUniqueOrThrow({ where: { id: imported[0].editionId }, include: { _count: { select: { items: true, subItems: true } } } });
    expect(edition).toMatchObject({ kind: "GUIDANCE", status: "DRAFT", title: "karamay-civil-air-defence-office", _count: { items: 17, subItems: 2 } });
    expect(await prisma.auditLog.count({ where: { action: "catalogue.import.cli", subjectId: String(edition.id) } })).toBe(1);
  }, 180_000);
});
