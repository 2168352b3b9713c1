import { beforeAll, describe, expect, it } from "vitest";
import {
  arbitrateAction, assignItemsAction, closeDevolutionRoundAction, commentAction, confirmLetterAction, generateLetterAction, openDevolutionRoundAction, proposeAction,
  respondAction, withdrawLetterAction,
} from "@/lib/devolution/actions";
import { claimAction, unclaimAction } from "@/lib/claims/actions";
import { countRows, withRates } from "@/lib/devolution/rates";
import { ITEM_PAGE_SIZE, listItems, listItemsPage, listPairs, roundDashboard } from "@/lib/devolution/queries/readers";
import { itemFilterSchema } from "@/lib/devolution/schema";
import { contentHash } from "@/lib/devolution/letter-content";
import { devolutionTodos } from "@/lib/devolution/queries/todo";
import { claimRates } from "@/lib/claims/queries";
import { letterByHash } from "@/lib/devolution/queries";
import { GET as letterFile } from "@/app/api/devolution/letters/[id]/[format]/route";
import { GET as exportFile } from "@/app/api/devolution/rounds/[id]/export/route";
import { DEMO_ROUND_TITLE } from "@/prisma/seed-data/devolution";
import { actAs, createTestUser, prisma, unitId } from "./helpers";
import { ownerSql } from "./database";

const DUTIES = { streetDuty: "负责日常巡查、立案调查和作出处罚决定。", departmentDuty: "负责业务指导、培训和监督。" };

let roundId: number;
const u: Record<string, number> = {};

beforeAll(async () => {
  roundId = (await prisma.devolutionRound.findFirstOrThrow({ where: { title: DEMO_ROUND_TITLE } })).id;
  for (const [key, name] of Object.entries({
    donghu: "东湖街道办事处", nanan: "南岸街道办事处", qinghe: "清河镇人民政府", chashan: "茶山镇人民政府", fenghuang: "凤凰街道办事处",
    cg: "示例市城市管理综合执法局", wj: "示例市卫生健康委员会", yj: "示例市应急管理局", dongqu: "东湖区",
  })) u[key] = await unitId(name);
  await createTestUser({ unit: "示例市卫生健康委员会", roles: ["DEPARTMENT"], username: "weijian" });
  await createTestUser({ unit: "南岸街道办事处", roles: ["STREET"], username: "nanan" });
  await createTestUser({ unit: "茶山镇人民政府", roles: ["STREET"], username: "chashan" });
  await createTestUser({ unit: "清河镇人民政府", roles: ["STREET"], username: "qinghe" });
});

const rowsOf = (streetId: number, departmentId: number) =>
  prisma.devolution.findMany({ where: { roundId, streetId, departmentId }, orderBy: { position: "asc" } });

/** Everything a refused action must leave as it was. */
async function snapshot() {
  const [rows, letters, comments, claims, audits] = await Promise.all([
    prisma.devolution.findMany({ orderBy: { id: "asc" } }),
    prisma.confirmationLetter.findMany({ orderBy: { id: "asc" } }),
    prisma.devolutionComment.count(),
    prisma.claim.findMany({ orderBy: { id: "asc" } }),
    prisma.auditLog.count({ where: { outcome: "SUCCESS" } }), // refused attempts add security events, not changes
  ]);
  return { rows, letters, comments, claims, audits };
}

describe("the demo round", () => {
  it("has rates that match a count of its rows by hand", async () => {
    const d = await roundDashboard(prisma, roundId);
    const all = await prisma.devolution.findMany({ where: { roundId } });
    expect(d.overall).toMatchObject(withRates(countRows(all)));
    for (const s of d.streets) {
      const mine = all.filter((r) => r.streetId === s.streetId);
      expect(s, s.name).toMatchObject(withRates(countRows(mine)));
    }
    // 61 items in 8 streets; 南岸 accepted 59 and deferred the 2 specialised 农业农村 items (96.7%),
    // 北门 also declined one 自然资源 item; 茶山 has not started.
    expect(d.overall.total).toBe(8 * 61);
    const byName = Object.fromEntries(d.streets.map((s) => [s.name, s]));
    expect(byName["南岸街道办事处"]).toMatchObject({ total: 61, settled: 61, accepted: 59, deferred: 2, declined: 0, lettersConfirmed: 11, pairs: 11, settledPairs: 11 });
    expect(byName["北门街道办事处"]).toMatchObject({ accepted: 58, deferred: 2, declined: 1 });
    expect(byName["茶山镇人民政府"]).toMatchObject({ settled: 0, awaitingProposal: 61, acceptanceRate: null });
    expect(byName["东湖街道办事处"].disputed).toBe(1);
    const penalties = all.filter((r) => r.settled && r.decision === "ACCEPT" && r.powerTypeId === d.penaltyTypeId).length;
    expect(d.overall.acceptedPenalty).toBe(penalties);
    const types = d.powerTypes.reduce((n, t) => n + t.total, 0);
    const domains = d.domains.reduce((n, t) => n + t.total, 0);
    expect(types).toBe(d.overall.total);
    expect(domains).toBe(d.overall.total);
    expect(d.progress).toMatchObject({ pairs: 88, lettersConfirmed: 34, lettersPending: 2 });
  });

  it("gives every role something to do on the 工作台, with the round's deadline", async () => {
    const titles = async (username: string) => (await devolutionTodos((await actAs(username))!)).map((t) => `${t.title}|${t.count}|${t.dueAt ? "due" : ""}`);
    expect(await titles("chengguan")).toEqual(
      expect.arrayContaining([expect.stringMatching(/待提出承接意见的事项\|\d+\|due/), expect.stringMatching(/街道不同意的事项.*\|1\|due/), expect.stringMatching(/待我方确认的确认书\|1\|/)]),
    );
    expect(await titles("jiedao")).toEqual(
      expect.arrayContaining([expect.stringMatching(/待确认部门意见的事项\|\d+\|due/), expect.stringMatching(/待我方确认的确认书\|1\|/), expect.stringMatching(/待认领的事项\|5\|/)]),
    );
    expect(await titles("admin")).toEqual(expect.arrayContaining([expect.stringMatching(/待编办裁决\|1\|due/)]));
    expect(await titles("lingdao")).toEqual([]);
  });
});

describe("the role matrix at the server", () => {
  it("keeps a department to its own items and out of any street's answer", async () => {
    const cg = await rowsOf(u.chashan, u.cg);
    const wj = await rowsOf(u.chashan, u.wj);
    const before = await snapshot();
    await actAs("chengguan");
    const accept = { proposal: "ACCEPT", ...DUTIES } as const;
    expect(await proposeAction({ roundId, ids: [wj[0].id], ...accept })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await proposeAction({ roundId, ids: [cg[0].id, wj[0].id], ...accept })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await proposeAction({ roundId, itemIds: [cg[0].itemId, wj[0].itemId], streetIds: [u.chashan], ...accept })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await respondAction({ roundId, ids: [cg[0].id], response: "AGREE" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await arbitrateAction({ id: cg[0].id, decision: "ACCEPT", note: "部门自行裁决", ...DUTIES })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await commentAction({ id: wj[0].id, body: "看看别的部门" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await generateLetterAction({ roundId, streetId: u.chashan, departmentId: u.wj })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await openDevolutionRoundAction({ title: "部门发起", editionId: 1, deadline: "2099-01-01", streetIds: [u.chashan], documentPrefix: "部门编赋" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await claimAction({ streetId: u.chashan, editionId: 1, all: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);
  });

  it("keeps a street to its own answers: it cannot answer for another street or change a proposal", async () => {
    const dh = await rowsOf(u.donghu, u.cg);
    const ch = await rowsOf(u.chashan, u.cg);
    const awaiting = dh.find((r) => r.proposal && !r.response)!;
    const before = await snapshot();
    await actAs("jiedao");
    expect(await proposeAction({ roundId, ids: [awaiting.id], proposal: "DECLINE", reason: "街道不想要" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await respondAction({ roundId, ids: [ch[0].id], response: "AGREE" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await respondAction({ roundId, ids: [awaiting.id, ch[0].id], response: "AGREE" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await commentAction({ id: ch[0].id, body: "打听一下茶山的情况" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await claimAction({ streetId: u.nanan, editionId: 1, all: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await assignItemsAction({ roundId, itemIds: [awaiting.itemId], departmentId: u.wj })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs(null);
    expect(await respondAction({ roundId, ids: [awaiting.id], response: "AGREE" })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await snapshot()).toEqual(before);
  });

  it("does not let a street read another street's rows, nor a department another's, through the letter files", async () => {
    const nananYj = await prisma.confirmationLetter.findFirstOrThrow({ where: { roundId, streetId: u.nanan, departmentId: u.yj } });
    const donghuYj = await prisma.confirmationLetter.findFirstOrThrow({ where: { roundId, streetId: u.donghu, departmentId: u.yj } });
    const get = (id: number, format = "pdf") => letterFile(new Request(`http://localhost/api/devolution/letters/${id}/${format}`), { params: Promise.resolve({ id: String(id), format }) });
    await actAs("jiedao");
    expect((await get(nananYj.id)).status).toBe(403);
    const own = await get(donghuYj.id);
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    await actAs("chengguan");
    expect((await get(nananYj.id)).status).toBe(403);
    expect((await get(nananYj.id, "docx")).status).toBe(403);
    await actAs("weijian");
    expect((await get(donghuYj.id)).status).toBe(403);
    await actAs("admin");
    const docx = await get(nananYj.id, "docx");
    expect(docx.status).toBe(200);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    await actAs(null);
    expect((await get(donghuYj.id)).status).toBe(401);
    // A street's item list is read with the street's own scope: nothing of another street comes back.
    const rows = await listItems(prisma, roundId, { streetId: u.donghu }, {});
    expect(rows.length).toBe(61);
    expect(new Set(rows.map((r) => r.streetId))).toEqual(new Set([u.donghu]));

    // 逐项明细 comes a page at a time: 100 rows, in the list's order, the total beside them.
    const all = await listItems(prisma, roundId, {}, {}, 100_000);
    expect(all.length).toBeGreaterThan(2 * ITEM_PAGE_SIZE);
    const ids = (r: { id: number }[]) => r.map((x) => x.id);
    const first = await listItemsPage(prisma, roundId, {}, itemFilterSchema.parse({}));
    expect(first).toMatchObject({ total: all.length, page: 1, pageSize: 100 });
    expect(ids(first.rows)).toEqual(ids(all.slice(0, 100)));
    const second = await listItemsPage(prisma, roundId, {}, itemFilterSchema.parse({ page: "2" }));
    expect(ids(second.rows)).toEqual(ids(all.slice(100, 200)));
    const last = Math.ceil(all.length / 100);
    const past = await listItemsPage(prisma, roundId, {}, itemFilterSchema.parse({ page: "999" }));
    expect(past).toMatchObject({ page: last, total: all.length });
    expect(ids(past.rows)).toEqual(ids(all.slice((last - 1) * 100)));
    expect(itemFilterSchema.parse({ page: "x" }).page).toBe(1);
    const donghu = await listItemsPage(prisma, roundId, { streetId: u.donghu }, itemFilterSchema.parse({ page: "2" }));
    expect(donghu).toMatchObject({ total: 61, page: 1 });
    expect(ids(donghu.rows)).toEqual(ids(rows));
  });

  it("exports the statistics to 编办 and leaders only, with formula-looking text neutralised", async () => {
    const get = () => exportFile(new Request("http://localhost/x"), { params: Promise.resolve({ id: String(roundId) }) });
    const fh = (await rowsOf(u.fenghuang, u.cg)).find((r) => !r.proposal)!;
    await actAs("chengguan");
    expect(await proposeAction({ roundId, ids: [fh.id], proposal: "DEFER", reason: "=HYPERLINK(\"http://x\")" })).toMatchObject({ ok: true });
    await actAs("jiedao");
    expect((await get()).status).toBe(403);
    await actAs("lingdao");
    const r = await get();
    expect(r.status).toBe(200);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["总体", "街道对比", "按权力类型", "按领域", "明细"]);
    const compare = wb.getWorksheet("街道对比")!;
    expect(compare.getRow(3).getCell(2).value).toBe("东湖街道办事处");
    const detail = wb.getWorksheet("明细")!;
    expect(detail.rowCount).toBe(2 + 8 * 61);
    const reasons: unknown[] = [];
    detail.eachRow((row) => reasons.push(row.getCell(8).value));
    expect(reasons).toContain("'=HYPERLINK(\"http://x\")");
    expect(reasons.some((v) => typeof v === "string" && v.startsWith("="))).toBe(false);
  });
});

describe("locked items", () => {
  it("refuse every change in the commands and in the database", async () => {
    const locked = (await rowsOf(u.nanan, u.cg))[0];
    expect(locked.lockedAt).not.toBeNull();
    const before = await snapshot();
    await actAs("chengguan");
    expect(await proposeAction({ roundId, ids: [locked.id], proposal: "DECLINE", reason: "想收回" })).toMatchObject({ ok: false, code: "LOCKED" });
    expect(await commentAction({ id: locked.id, body: "还能说话吗" })).toMatchObject({ ok: false, code: "LOCKED" });
    await actAs("nanan");
    expect(await respondAction({ roundId, ids: [locked.id], response: "DISAGREE", reason: "反悔" })).toMatchObject({ ok: false, code: "LOCKED" });
    await actAs("admin");
    expect(await assignItemsAction({ roundId, itemIds: [locked.itemId], departmentId: u.wj })).toMatchObject({ ok: true });
    expect(await prisma.devolution.findUniqueOrThrow({ where: { id: locked.id } })).toEqual(locked);
    const letter = await prisma.confirmationLetter.findUniqueOrThrow({ where: { id: locked.letterId! } });
    expect(await withdrawLetterAction({ letterId: letter.id, reason: "想撤回" })).toMatchObject({ ok: false, code: "LOCKED" });
    // Around the application: the triggers refuse.
    await expect(prisma.$executeRaw`UPDATE devolution SET reason = 'x' WHERE id = ${locked.id}`).rejects.toThrow(/locked/);
    await expect(prisma.$executeRaw`DELETE FROM devolution WHERE id = ${locked.id}`).rejects.toThrow(/locked/);
    await expect(prisma.$executeRaw`UPDATE confirmation_letter SET status = 'WITHDRAWN' WHERE id = ${letter.id}`).rejects.toThrow(/CONFIRMED/);
    await expect(prisma.$executeRaw`DELETE FROM confirmation_letter WHERE id = ${letter.id}`).rejects.toThrow(/record/);
    await expect(prisma.$executeRaw`TRUNCATE devolution CASCADE`).rejects.toThrow(/permission denied/);
    await expect(ownerSql(`TRUNCATE devolution CASCADE`)).rejects.toThrow(/TRUNCATE refused/);
    // The assignment changed for future answers; put it back.
    await assignItemsAction({ roundId, itemIds: [locked.itemId], departmentId: u.cg });
    const after = await snapshot();
    expect(after.rows.filter((r) => r.lockedAt)).toEqual(before.rows.filter((r) => r.lockedAt));
    expect(after.letters).toEqual(before.letters);
  });

  it("keep a pending letter's content fixed in the database", async () => {
    const pending = await prisma.confirmationLetter.findFirstOrThrow({ where: { roundId, status: "PENDING" } });
    await expect(prisma.$executeRaw`UPDATE confirmation_letter SET content_hash = 'x' WHERE id = ${pending.id}`).rejects.toThrow(/content is fixed/);
    await expect(
      prisma.$executeRaw`INSERT INTO confirmation_letter (round_id, street_id, department_id, document_prefix, year, serial, document_number, content, content_hash, item_count, accepted_count, deferred_count, declined_count)
        VALUES (${roundId}, ${pending.streetId}, ${pending.departmentId}, 'x', 2026, 999, 'x〔2026〕999号', '{}', 'dup', 0, 0, 0, 0)`,
    ).rejects.toThrow(/already have a letter/);
  });
});

describe("a whole pair through to a confirmed letter", () => {
  it("proposes, disputes, talks, arbitrates, generates, confirms, locks and verifies", async () => {
    const rows = await rowsOf(u.chashan, u.cg);
    const ids = rows.map((r) => r.id);
    const audits = await prisma.auditLog.count();

    // Bad input: a clear Chinese message beside the field, nothing written.
    await actAs("chengguan");
    const bad = await proposeAction({ roundId, ids, proposal: "DEFER" });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { reason: "暂缓或不承接时请填写理由" } });
    expect(await proposeAction({ roundId, ids, proposal: "ACCEPT" })).toMatchObject({ fieldErrors: { streetDuty: "承接时请写明街道承担的职责", departmentDuty: "承接时请写明部门保留的职责" } });
    expect(await prisma.auditLog.count()).toBe(audits);

    // The department: all accepted (in bulk), then one deferred.
    expect(await proposeAction({ roundId, ids, proposal: "ACCEPT", ...DUTIES })).toMatchObject({ ok: true, data: { updated: rows.length } });
    expect(await proposeAction({ roundId, ids: [ids[0]], proposal: "DEFER", reason: "需专门设备" })).toMatchObject({ ok: true, data: { updated: 1 } });
    expect(await prisma.auditLog.count({ where: { action: "devolution.propose", subjectId: { in: ids.map(String) } } })).toBe(rows.length + 1);

    // The street: agrees to all but the deferred one, which it disputes; the letter cannot be made yet.
    await actAs("chashan");
    const seenAt = new Date().toISOString();
    expect(await respondAction({ roundId, ids: ids.slice(1), response: "AGREE", seenAt })).toMatchObject({ ok: true, data: { updated: rows.length - 1 } });
    expect(await respondAction({ roundId, ids: [ids[0]], response: "DISAGREE" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { reason: "不同意时请填写理由" } });
    expect(await respondAction({ roundId, ids: [ids[0]], response: "DISAGREE", reason: "设备已配齐" })).toMatchObject({ ok: true });
    expect(await commentAction({ id: ids[0], body: "设备清单已发送。" })).toMatchObject({ ok: true });
    expect(await generateLetterAction({ roundId, streetId: u.chashan, departmentId: u.cg })).toMatchObject({ ok: false, code: "INVALID_STATE", message: "还有 1 项未达成一致，全部一致后才能生成确认书。" });

    // An answer given to a proposal changed since the page was drawn is not taken.
    await actAs("chengguan");
    expect(await commentAction({ id: ids[0], body: "请提供持证人员名单。" })).toMatchObject({ ok: true });
    await actAs("chashan");
    const stale = new Date(Date.now() - 60_000).toISOString();
    expect(await respondAction({ roundId, ids: [ids[0]], response: "AGREE", seenAt: stale })).toMatchObject({ ok: false, code: "CONFLICT" });

    // 编办 arbitrates, and it is recorded.
    await actAs("bianban");
    expect(await arbitrateAction({ id: ids[0], decision: "ACCEPT", note: "经核实具备承接条件", ...DUTIES })).toMatchObject({ ok: true });
    const arbitrated = await prisma.devolution.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(arbitrated).toMatchObject({ settled: true, decision: "ACCEPT", arbitratedDecision: "ACCEPT", arbitrationNote: "经核实具备承接条件", arbitratedByName: "李秀英", commentCount: 2 });
    expect(await prisma.auditLog.findFirst({ where: { action: "devolution.arbitrate", subjectId: String(ids[0]) } })).toMatchObject({ actorName: "李秀英" });
    // A ruling is final: a second one is refused and changes nothing.
    const arbitrations = await prisma.auditLog.count({ where: { action: "devolution.arbitrate" } });
    expect(await arbitrateAction({ id: ids[0], decision: "DECLINE", note: "改判不承接" })).toMatchObject({ ok: false, code: "INVALID_STATE", message: "该事项已由编办裁决，裁决不能重复作出。" });
    expect(await prisma.devolution.findUniqueOrThrow({ where: { id: ids[0] } })).toMatchObject({ decision: "ACCEPT", arbitratedDecision: "ACCEPT", arbitrationNote: "经核实具备承接条件" });
    expect(await prisma.auditLog.count({ where: { action: "devolution.arbitrate" } })).toBe(arbitrations);
    await actAs("chengguan");
    expect(await proposeAction({ roundId, ids: [ids[0]], proposal: "DECLINE", reason: "不服" })).toMatchObject({ ok: false, code: "INVALID_STATE" });

    // The street generates the letter; both sides confirm; the rows lock.
    await actAs("chashan");
    const gen = await generateLetterAction({ roundId, streetId: u.chashan, departmentId: u.cg });
    expect(gen.ok).toBe(true);
    if (!gen.ok) return;
    expect(gen.data.documentNumber).toMatch(/^示例编赋〔\d{4}〕\d+号$/);
    // The department is told the letter awaits its signature, with a link to the letter; the
    // street that generated it is not.
    const letterHref = `/devolution/rounds/${roundId}/letters/${gen.data.id}`;
    const notes = (username: string) => prisma.notification.findMany({ where: { user: { username }, href: letterHref }, orderBy: { id: "asc" } });
    expect(await notes("chengguan")).toEqual([
      expect.objectContaining({ title: `确认书待确认：${gen.data.documentNumber}`, body: expect.stringContaining("茶山镇人民政府与示例市城市管理综合执法局"), readAt: null }),
    ]);
    expect(await notes("chashan")).toEqual([]);
    expect(await generateLetterAction({ roundId, streetId: u.chashan, departmentId: u.cg })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await confirmLetterAction({ letterId: gen.data.id })).toMatchObject({ ok: true, data: { side: "STREET", confirmed: false } });
    // Once the street has confirmed, the department is reminded that only its signature is missing.
    expect((await notes("chengguan")).map((n) => n.body)).toEqual([expect.any(String), expect.stringContaining("街道（乡镇）已确认《赋权承接事项确认书》")]);
    expect(await confirmLetterAction({ letterId: gen.data.id })).toMatchObject({ ok: false, code: "INVALID_STATE", message: "您方已确认过该确认书。" });
    await actAs("weijian");
    expect(await confirmLetterAction({ letterId: gen.data.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("bianban");
    expect(await confirmLetterAction({ letterId: gen.data.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("chengguan");
    expect(await confirmLetterAction({ letterId: gen.data.id })).toMatchObject({ ok: true, data: { side: "DEPARTMENT", confirmed: true } });
    expect(await notes("chashan")).toEqual([]); // confirmed by both: nobody is waiting

    const letter = await prisma.confirmationLetter.findUniqueOrThrow({ where: { id: gen.data.id } });
    expect(letter).toMatchObject({ status: "CONFIRMED", streetConfirmedBy: "测试chashan", departmentConfirmedBy: "张伟", itemCount: rows.length, acceptedCount: rows.length });
    expect(contentHash(letter.content)).toBe(letter.contentHash);
    expect((letter.content as { items: { name: string; arbitrated: boolean }[] }).items[0]).toMatchObject({ arbitrated: true });
    expect(await prisma.devolution.count({ where: { id: { in: ids }, lockedAt: { not: null }, letterId: letter.id } })).toBe(rows.length);
    const verified = await letterByHash(letter.contentHash);
    expect(verified).toMatchObject({ documentNumber: letter.documentNumber, street: { name: "茶山镇人民政府" }, department: { name: "示例市城市管理综合执法局" } });
    expect(await proposeAction({ roundId, ids: [ids[1]], proposal: "DECLINE", reason: "再改" })).toMatchObject({ ok: false, code: "LOCKED" });
    for (const action of ["devolution.letter.generate", "devolution.letter.confirm"]) {
      expect(await prisma.auditLog.count({ where: { action, subjectId: String(letter.id) } })).toBeGreaterThan(0);
    }
  });

  it("withdraws a pending letter with a reason, which frees its items for changes", async () => {
    const letter = await prisma.confirmationLetter.findFirstOrThrow({ where: { roundId, streetId: u.qinghe, departmentId: u.cg, status: "PENDING" } });
    await actAs("chengguan");
    expect(await withdrawLetterAction({ letterId: letter.id, reason: "" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { reason: "请填写撤回理由" } });
    expect(await withdrawLetterAction({ letterId: letter.id, reason: "第3项职责边界写错了" })).toMatchObject({ ok: true });
    expect(await prisma.confirmationLetter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({ status: "WITHDRAWN", withdrawReason: "第3项职责边界写错了" });
    const rows = await rowsOf(u.qinghe, u.cg);
    expect(rows.every((r) => r.letterId === null && r.settled)).toBe(true);
    expect(await proposeAction({ roundId, ids: [rows[2].id], proposal: "ACCEPT", streetDuty: "负责巡查。", departmentDuty: "负责指导。" })).toMatchObject({ ok: true, data: { updated: 1 } });
    expect(await prisma.devolution.findUniqueOrThrow({ where: { id: rows[2].id } })).toMatchObject({ settled: false, response: null });
    await actAs("qinghe");
    expect(await respondAction({ roundId, ids: [rows[2].id], response: "AGREE" })).toMatchObject({ ok: true });
    const again = await generateLetterAction({ roundId, streetId: u.qinghe, departmentId: u.cg });
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.data.documentNumber).not.toBe(letter.documentNumber);
    // The withdrawn letter still verifies, as withdrawn.
    expect(await letterByHash(letter.contentHash)).toMatchObject({ status: "WITHDRAWN" });
  });
});

describe("rounds and assignments", () => {
  it("refuses a second open round over the same streets and a deadline in the past, then opens one for new streets", async () => {
    await actAs("admin");
    const edition = await prisma.catalogueEdition.findFirstOrThrow({ where: { kind: "GUIDANCE", status: "ISSUED", areaUnitId: null } });
    const base = { title: "补充一轮", editionId: edition.id, deadline: "2099-12-31", documentPrefix: "示例编赋" };
    expect(await openDevolutionRoundAction({ ...base, streetIds: [u.donghu] })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await openDevolutionRoundAction({ ...base, deadline: "2000-01-01", streetIds: [u.donghu] })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { deadline: "截止日期不能早于今天" } });
    expect(await openDevolutionRoundAction({ ...base, streetIds: [u.cg] })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await openDevolutionRoundAction({ ...base, streetIds: [] })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { streetIds: "请至少选择一项街道（乡镇）" } });
    const fresh = await prisma.orgUnit.create({ data: { name: "新城街道办事处", kind: "STREET", parentId: u.dongqu } });
    const opened = await openDevolutionRoundAction({ ...base, streetIds: [fresh.id] });
    expect(opened).toMatchObject({ ok: true, data: { rows: 61, unassigned: 0 } });
    if (!opened.ok) return;
    const assignments = await prisma.devolutionAssignment.findMany({ where: { roundId: opened.data.id }, include: { item: true } });
    expect(assignments.every((a) => a.departmentId === a.item.departmentId)).toBe(true);

    // Reassigning an item clears the old department's answers; the new department answers instead.
    const item = assignments.find((a) => a.departmentId === u.cg)!;
    const row = await prisma.devolution.findFirstOrThrow({ where: { roundId: opened.data.id, itemId: item.itemId } });
    await actAs("chengguan");
    expect(await proposeAction({ roundId: opened.data.id, ids: [row.id], proposal: "ACCEPT", ...DUTIES })).toMatchObject({ ok: true });
    await actAs("admin");
    expect(await assignItemsAction({ roundId: opened.data.id, itemIds: [item.itemId], departmentId: u.wj })).toMatchObject({ ok: true, data: { items: 1, cleared: 1, kept: 0 } });
    expect(await prisma.devolution.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ departmentId: u.wj, proposal: null });
    await actAs("chengguan");
    expect(await proposeAction({ roundId: opened.data.id, ids: [row.id], proposal: "ACCEPT", ...DUTIES })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("weijian");
    expect(await proposeAction({ roundId: opened.data.id, ids: [row.id], proposal: "ACCEPT", ...DUTIES })).toMatchObject({ ok: true });

    // A closed round refuses everything.
    await actAs("admin");
    expect(await closeDevolutionRoundAction({ roundId: opened.data.id })).toMatchObject({ ok: true });
    await actAs("weijian");
    expect(await proposeAction({ roundId: opened.data.id, ids: [row.id], proposal: "DEFER", reason: "再议" })).toMatchObject({ ok: false, code: "INVALID_STATE", message: "本轮承接确认已结束，不能再修改。" });
  });
});

describe("claims", () => {
  it("lets a street claim all, unclaim with a reason only, and 编办 see the rate", async () => {
    const edition = await prisma.catalogueEdition.findFirstOrThrow({ where: { kind: "GENERAL", status: "ISSUED" }, include: { _count: { select: { items: true } } } });
    const items = edition._count.items;
    const before = await claimRates(edition.id);
    expect(before.streets.find((s) => s.streetId === u.donghu)).toMatchObject({ claimed: items - 5 });
    await actAs("jiedao");
    expect(await claimAction({ streetId: u.donghu, editionId: edition.id, all: true })).toMatchObject({ ok: true, data: { claimed: 5, already: items - 5 } });
    const first = await prisma.catalogueItem.findFirstOrThrow({ where: { editionId: edition.id }, orderBy: { position: "asc" } });
    expect(await unclaimAction({ streetId: u.donghu, editionId: edition.id, itemIds: [first.id], reason: "" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { reason: "请填写取消认领的理由" } });
    expect(await unclaimAction({ streetId: u.donghu, editionId: edition.id, itemIds: [first.id], reason: "由区级部门统一办理" })).toMatchObject({ ok: true, data: { unclaimed: 1 } });
    expect(await prisma.claim.findFirstOrThrow({ where: { streetId: u.donghu, itemId: first.id } })).toMatchObject({ active: false, unclaimReason: "由区级部门统一办理", unclaimedByName: "陈静" });
    expect(await claimAction({ streetId: u.donghu, editionId: edition.id, itemIds: [first.id] })).toMatchObject({ ok: true, data: { claimed: 1 } });
    const after = await claimRates(edition.id);
    expect(after.claimed).toBe(before.claimed + 5);
    expect(after.rate).toBeCloseTo(after.claimed / (items * after.streets.length));
    expect(await prisma.auditLog.count({ where: { action: "claim.unclaim", subjectId: `${u.donghu}:${first.id}` } })).toBe(1);
  });
});

describe("the street tallies", () => {
  it("follow every change of the tests above: counts and pairs per street match a count of the rows by hand", async () => {
    const d = await roundDashboard(prisma, roundId);
    const all = await prisma.devolution.findMany({ where: { roundId } });
    expect(d.overall).toMatchObject(withRates(countRows(all)));
    let pairs = 0;
    let settledPairs = 0;
    for (const s of d.streets) {
      const mine = all.filter((r) => r.streetId === s.streetId);
      expect(s, s.name).toMatchObject(withRates(countRows(mine)));
      const byDepartment = new Map<number, typeof mine>();
      for (const r of mine) if (r.departmentId != null) byDepartment.set(r.departmentId, [...(byDepartment.get(r.departmentId) ?? []), r]);
      const settled = [...byDepartment.values()].filter((rows) => rows.every((r) => r.settled)).length;
      expect({ pairs: s.pairs, settledPairs: s.settledPairs }, s.name).toEqual({ pairs: byDepartment.size, settledPairs: settled });
      pairs += byDepartment.size;
      settledPairs += settled;
    }
    expect(d.progress).toMatchObject({ pairs, settledPairs });
    // The table itself: one row per street of the round, equal to its street x department rows summed.
    const [mismatch] = await ownerSql<{ n: number }>(
      `SELECT count(*)::int AS n FROM devolution_street_tally s FULL JOIN (
         SELECT round_id, street_id, sum(total) AS total, sum(settled) AS settled, sum(disputed) AS disputed, sum(unassigned) AS unassigned,
                count(*) FILTER (WHERE department_id <> 0 AND total > 0) AS pairs
         FROM devolution_pair_tally GROUP BY 1, 2) p USING (round_id, street_id)
       WHERE s.total IS DISTINCT FROM p.total OR s.settled IS DISTINCT FROM p.settled OR s.disputed IS DISTINCT FROM p.disputed
          OR s.unassigned IS DISTINCT FROM p.unassigned OR s.pairs IS DISTINCT FROM p.pairs`,
    );
    expect(mismatch.n).toBe(0);
  });
});

describe("the dashboard's streets and the pairs tables", () => {
  it("list the streets by district then street order, and each pair with its counts and current letter, as a count by hand", async () => {
    const units = new Map((await prisma.orgUnit.findMany({ include: { parent: true } })).map((x) => [x.id, x]));
    const order = (id: number) => {
      const x = units.get(id)!;
      return [x.parent?.sortOrder ?? 0, x.parent?.name ?? "", x.sortOrder, x.id] as const;
    };
    const byOrder = (a: number, b: number) => {
      const [x, y] = [order(a), order(b)];
      return x[0] - y[0] || (x[1] === y[1] ? 0 : x[1].localeCompare(y[1])) || x[2] - y[2] || x[3] - y[3];
    };
    const d = await roundDashboard(prisma, roundId);
    const ids = d.streets.map((s) => s.streetId);
    expect(ids).toEqual([...ids].sort(byOrder));
    expect(d.streets[0]).toEqual({
      ...d.streets[0], streetId: ids[0], name: units.get(ids[0])!.name, district: units.get(ids[0])!.parent?.name ?? null,
    });
    // The power types and domains: named from the dictionary, in its order, 「未分类」 last.
    const entries = new Map((await prisma.dictionaryEntry.findMany()).map((e) => [e.id, e]));
    expect(d.penaltyTypeId).toBe([...entries.values()].find((e) => e.kind === "POWER_TYPE" && e.code === "行政处罚")!.id);
    for (const groups of [d.powerTypes, d.domains]) {
      expect(groups.length).toBeGreaterThan(1);
      expect(groups.map((g) => g.name)).toEqual(groups.map((g) => (g.id == null ? "未分类" : entries.get(g.id)!.name)));
      const sorts = groups.map((g) => (g.id == null ? 1e9 : entries.get(g.id)!.sortOrder));
      expect(sorts).toEqual([...sorts].sort((a, b) => a - b));
    }

    const all = await prisma.devolution.findMany({ where: { roundId } });
    const letters = await prisma.confirmationLetter.findMany({ where: { roundId, status: { not: "WITHDRAWN" } } });
    expect(letters.length).toBeGreaterThan(0);
    for (const scope of [{ departmentId: u.cg }, { streetId: u.nanan }, { streetIds: [u.nanan, u.donghu] }, {}]) {
      const pairs = await listPairs(prisma, roundId, scope);
      const inScope = all.filter(
        (r) => (!("departmentId" in scope) || r.departmentId === scope.departmentId) && (!("streetId" in scope) || r.streetId === scope.streetId) &&
          (!("streetIds" in scope) || scope.streetIds!.includes(r.streetId)),
      );
      const keys = [...new Set(inScope.map((r) => `${r.streetId}:${r.departmentId ?? 0}`))];
      const expected = keys
        .map((key) => {
          const [streetId, departmentId] = key.split(":").map(Number);
          const rows = inScope.filter((r) => r.streetId === streetId && (r.departmentId ?? 0) === departmentId);
          const l = letters.find((x) => x.streetId === streetId && x.departmentId === departmentId);
          const street = units.get(streetId)!;
          const department = departmentId ? units.get(departmentId)! : null;
          return {
            streetId, streetName: street.name, district: street.parent?.name ?? null, departmentId: department?.id ?? null,
            departmentName: department ? (department.shortName ?? department.name) : "未分派部门", ...withRates(countRows(rows)),
            letter: l ? { id: l.id, documentNumber: l.documentNumber, status: l.status, departmentConfirmedAt: l.departmentConfirmedAt, streetConfirmedAt: l.streetConfirmedAt } : null,
          };
        })
        .sort((a, b) => {
          const [x, y] = [order(a.streetId), order(b.streetId)];
          const ds = (p: typeof a) => (p.departmentId ? units.get(p.departmentId)!.sortOrder : Infinity);
          return x[0] - y[0] || x[2] - y[2] || x[3] - y[3] || ds(a) - ds(b) || (a.departmentId ?? 0) - (b.departmentId ?? 0);
        });
      expect(pairs, JSON.stringify(scope)).toEqual(expected);
    }
  });
});
