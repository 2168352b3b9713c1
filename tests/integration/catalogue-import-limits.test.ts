import fs from "node:fs";
import { describe, expect, it, vi } from "vitest";

// A one-second parse limit for this file only; set before lib/env.ts reads the environment.
vi.hoisted(() => {
  process.env.QINGDAN_IMPORT_PARSE_TIMEOUT_SECONDS = "1";
});

import { commitImportAction, createEditionAction } from "@/lib/catalogue/actions";
import { sha256Of } from "@/lib/catalogue/commands";
import { EMPTY_IMPORT_OPTIONS } from "@/lib/catalogue/schema";
import { POST as uploadRoute } from "@/app/api/catalogue/import/route";
import { HANGING_XLS } from "@/tests/fixtures/paths";
import { actAs, prisma } from "./helpers";

// A corrupted .xls on which SheetJS never returns.
const hanging = new Uint8Array(fs.readFileSync(HANGING_XLS));


async function state() {
  const [sessions, items, reports, audits] = await Promise.all([
    prisma.importSession.count(),
    prisma.catalogueItem.count(),
    prisma.importReport.count(),
    prisma.auditLog.count({ where: { outcome: "SUCCESS" } }), // refused attempts add security events, not changes
  ]);
  return { sessions, items, reports, audits };
}

async function newDraft(title: string) {
  const user = await actAs("bianban");
  const r = await createEditionAction({ kind: "GUIDANCE", title });
  if (!r.ok) throw new Error(r.message);
  return { edition: r.data.id, user: user! };
}

describe("a parse that never ends", () => {
  it("is stopped, the upload is refused with a Chinese message, and nothing is written", async () => {
    const { edition } = await newDraft("解析超时测试版本");
    const before = await state();
    const form = new FormData();
    form.append("editionId", String(edition));
    form.append("file", new File([hanging], "损坏的清单.xls"));
    const res = await uploadRoute(new Request("http://test/api/catalogue/import", { method: "POST", body: form }));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.ok).toBe(false);
    expect(body.message).toMatch(/^文件解析超时（超过 1 秒），文件可能已损坏或结构异常，已停止解析，没有导入任何内容。/);
    expect(await state()).toEqual(before);
  });

  it("refuses the commit of a kept upload the same way, before writing anything", async () => {
    const { edition, user } = await newDraft("提交时解析超时测试版本");
    // An upload kept before this server had the parse limit (made directly, as the upload refuses it).
    const session = await prisma.importSession.create({
      data: {
        editionId: edition,
        createdById: user.id,
        fileName: "损坏的清单.xls",
        size: hanging.byteLength,
        sha256: sha256Of(hanging),
        bytes: Buffer.from(hanging) as unknown as Uint8Array<ArrayBuffer>,
        options: EMPTY_IMPORT_OPTIONS,
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    const before = await state();
    const r = await commitImportAction({ sessionId: session.id });
    expect(r).toMatchObject({ ok: false, code: "BAD_FILE" });
    if (!r.ok) expect(r.message).toMatch(/^文件解析超时（超过 1 秒）/);
    expect(await state()).toEqual(before);
  });
});
