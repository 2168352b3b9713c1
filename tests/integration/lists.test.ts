import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  addItemAction,
  createListAction,
  moveItemAction,
  publishListAction,
  recordOpinionAction,
  removeItemAction,
  returnListAction,
  submitListAction,
  updateItemAction,
  updateStagesAction,
} from "@/lib/lists/actions";
import {
  createAdjustmentAction,
  decideAdjustmentAction,
  fileAdjustmentAction,
  opineAdjustmentAction,
  publishAdjustmentAction,
} from "@/lib/adjustments/actions";
import { today as todayInChina } from "@/lib/dates";
import { readDiff } from "@/lib/portal/read";
import { pendingDraftItems } from "@/lib/lists/queries";
import { actAs, createTestUser, prisma, unitId } from "./helpers";
import { ownerSql } from "./database";


const today = todayInChina();
const listOf = (id: number) => prisma.powerList.findUniqueOrThrow({ where: { id }, include: { stages: { orderBy: { position: "asc" }, include: { assignees: true } } } });
const versionOf = async (id: number) => (await prisma.powerList.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

async function snapshot() {
  const [lists, items, stages, opinions, versions, versionItems, adjustments, audits] = await Promise.all([
    prisma.powerList.findMany({ orderBy: { id: "asc" } }),
    prisma.powerListItem.findMany({ orderBy: { id: "asc" } }),
    prisma.powerListStage.findMany({ orderBy: { id: "asc" }, include: { assignees: true } }),
    prisma.powerListOpinion.count(),
    prisma.powerListVersion.count(),
    prisma.powerListVersionItem.count(),
    prisma.powerListAdjustment.findMany({ orderBy: { id: "asc" } }),
    prisma.auditLog.count({ where: { outcome: "SUCCESS" } }), // refused attempts add security events, not changes
  ]);
  return { lists, items, stages, opinions, versions, versionItems, adjustments, audits };
}

const itemInput = (extra: Record<string, unknown> = {}) => ({
  name: "对占道经营的处罚",
  powerType: "行政处罚",
  legalBasis: "《城市市容和环境卫生管理条例》第三十六条",
  handlingSection: "综合行政执法队",
  section: "BASIC" as const,
  categoryId: null,
  ...extra,
});

describe("compiling, reviewing and publishing a power list", () => {
  let listId = 0;

  it("starts 东湖's draft from its claimed general items and accepted devolved items, each marked with its source", async () => {
    await actAs("jiedao");
    const donghu = await unitId("东湖街道办事处");
    const r = await createListAction({ unitId: donghu, form: "POWER" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    listId = r.data.id;
    const claims = await prisma.claim.count({ where: { streetId: donghu, active: true } });
    // Only 承接 items whose confirmation letter both sides signed come in (应急管理局's); 卫健委's
    // letter still waits for the street and 城管局's items have none: those are 待确认.
    const accepted = await prisma.devolution.findMany({ where: { streetId: donghu, settled: true, decision: "ACCEPT" }, distinct: ["itemId"], select: { itemId: true, letter: { select: { status: true, streetConfirmedAt: true, departmentConfirmedAt: true } } } });
    const signed = accepted.filter((a) => a.letter?.status === "CONFIRMED" && a.letter.streetConfirmedAt && a.letter.departmentConfirmedAt);
    expect(signed.length).toBeGreaterThan(0);
    expect(signed.length).toBeLessThan(accepted.length);
    const items = await prisma.powerListItem.findMany({ where: { listId } });
    expect(items.filter((i) => i.source === "GENERAL")).toHaveLength(claims);
    expect(items.filter((i) => i.source === "DEVOLVED").map((i) => i.sourceItemId).sort()).toEqual(signed.map((a) => a.itemId).sort());
    const pending = await pendingDraftItems(listId);
    expect(pending.map((p) => p.itemId).sort()).toEqual(accepted.filter((a) => !signed.includes(a)).map((a) => a.itemId).sort());
    expect(pending.map((p) => p.state)).toContain("待街道签署");
    expect(pending.find((p) => p.state === "待街道签署")).toMatchObject({ departmentName: "示例市卫生健康委员会", documentNumber: expect.any(String) });
    const created = await prisma.powerListEvent.findFirstOrThrow({ where: { listId, kind: "created" } });
    expect(created.note).toContain(`另有 ${pending.length} 项赋权承接事项的确认书尚未由双方签署，未带入（待确认）`);
    expect(items.every((i) => i.sourceLabel && i.sourceItemId)).toBe(true);
    expect(items.filter((i) => i.categoryId !== null).length).toBe(items.length);
    const list = await listOf(listId);
    expect(list.stages.map((s) => s.name)).toEqual(["部门联合初审", "会商", "征求部门意见", "合法性审查", "领导审核", "常务会审定", "印发公布"]);
    expect(list.stages.find((s) => s.kind === "LEGALITY")!.assignees.map((a) => a.unitId)).toEqual([await unitId("示例市司法局")]);
    expect(await prisma.auditLog.count({ where: { action: "list.create", subjectId: String(listId) } })).toBe(1);
    // A second list of the same form for the same unit is refused.
    expect(await createListAction({ unitId: donghu, form: "POWER" })).toMatchObject({ ok: false, code: "DUPLICATE" });
  });

  it("refuses every draft step to the wrong roles and units, and changes nothing", async () => {
    const donghu = await unitId("东湖街道办事处");
    const version = await versionOf(listId);
    const item = await prisma.powerListItem.findFirstOrThrow({ where: { listId } });
    const before = await snapshot();
    const calls = {
      create: () => createListAction({ unitId: donghu, form: "DUTY" }),
      add: () => addItemAction({ ...itemInput(), listId, version }),
      update: () => updateItemAction({ ...itemInput(), listId, itemId: item.id, itemVersion: item.version }),
      remove: () => removeItemAction({ listId, version, itemId: item.id }),
      submit: () => submitListAction({ listId, version }),
      publish: () => publishListAction({ listId, version, documentNumber: "示例编发〔2026〕1号", publishDate: today, effectiveDate: today }),
      stages: () => updateStagesAction({ listId, version, stages: [{ id: null, name: "印发公布", unitIds: [] }] }),
      opinion: () => recordOpinionAction({ listId, version, opinion: "AGREE" }),
    };
    // chengguan, sifa, lingdao: not the drafter; shequ: another unit; nanan: another street.
    const nanan = await createTestUser({ unit: "南岸街道办事处", roles: ["STREET"] });
    for (const username of ["chengguan", "sifa", "lingdao", "shequ", nanan.username]) {
      await actAs(username);
      for (const [name, call] of Object.entries(calls)) {
        const r = await call();
        expect(r, `${username} ${name}`).toMatchObject({ ok: false });
        if (!r.ok) expect(["FORBIDDEN", "INVALID_STATE"], `${username} ${name}: ${r.code}`).toContain(r.code);
      }
    }
    // 编办 does not edit a street's draft or review without being assigned; nothing to publish yet.
    await actAs("bianban");
    for (const name of ["add", "update", "remove", "submit", "publish", "opinion"] as const) {
      expect(await calls[name](), `bianban ${name}`).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    await actAs(null);
    for (const call of Object.values(calls)) expect(await call()).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await snapshot()).toEqual(before);
  });

  it("edits the draft with optimistic concurrency: a stale version is a conflict, never an overwrite", async () => {
    await actAs("jiedao");
    const category = await prisma.powerListCategory.findFirstOrThrow({ where: { name: "加强行政执法" } });
    const added = await addItemAction({ ...itemInput({ categoryId: category.id }), listId, version: await versionOf(listId) });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const own = await prisma.powerListItem.findUniqueOrThrow({ where: { id: added.data.id } });
    expect(own).toMatchObject({ source: "OWN", name: "对占道经营的处罚", categoryId: category.id });

    // Two people open the same item; the first saves, the second is told of the conflict.
    const first = await updateItemAction({ ...itemInput({ categoryId: category.id, remarks: "第一人" }), listId, itemId: own.id, itemVersion: own.version });
    expect(first.ok).toBe(true);
    const second = await updateItemAction({ ...itemInput({ categoryId: category.id, remarks: "第二人" }), listId, itemId: own.id, itemVersion: own.version });
    expect(second).toMatchObject({ ok: false, code: "CONFLICT" });
    if (!second.ok) expect(second.message).toContain("陈静");
    expect((await prisma.powerListItem.findUniqueOrThrow({ where: { id: own.id } })).remarks).toBe("第一人");

    // A structural step with a stale draft version is refused the same way.
    const stale = (await versionOf(listId)) - 1;
    expect(await addItemAction({ ...itemInput({ name: "另一项" }), listId, version: stale })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await prisma.powerListItem.count({ where: { listId, name: "另一项" } })).toBe(0);

    // Bad input: Chinese field messages, nothing written.
    const count = await prisma.powerListItem.count({ where: { listId } });
    const bad = await addItemAction({ ...itemInput({ name: " " }), listId, version: await versionOf(listId) });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { name: "请填写事项名称" } });
    expect(await prisma.powerListItem.count({ where: { listId } })).toBe(count);

    // Moving within the category works; past its first item it says so.
    const group = await prisma.powerListItem.findMany({ where: { listId, categoryId: category.id }, orderBy: { position: "asc" } });
    const moved = await moveItemAction({ listId, version: await versionOf(listId), itemId: group.at(-1)!.id, direction: "up" });
    expect(moved.ok).toBe(true);
    const after = await prisma.powerListItem.findMany({ where: { listId, categoryId: category.id }, orderBy: { position: "asc" } });
    expect(after.at(-2)!.id).toBe(group.at(-1)!.id);
    expect(await moveItemAction({ listId, version: await versionOf(listId), itemId: after[0].id, direction: "up" })).toMatchObject({ ok: false, code: "INVALID_STATE" });
  });

  it("lets 编办 change the stages and reviewers; the publish stage stays last", async () => {
    await actAs("bianban");
    const list = await listOf(listId);
    const cg = await unitId("示例市城市管理综合执法局");
    const bb = await unitId("示例市委编办");
    const sf = await unitId("示例市司法局");
    const gov = await unitId("示例市人民政府");
    const publish = list.stages.find((s) => s.kind === "PUBLISH")!;
    const wrongOrder = await updateStagesAction({
      listId,
      version: list.version,
      stages: [{ id: publish.id, name: "印发公布", unitIds: [bb] }, { id: null, name: "会商", unitIds: [bb] }],
    });
    expect(wrongOrder).toMatchObject({ ok: false, code: "VALIDATION" });
    const noReviewer = await updateStagesAction({ listId, version: list.version, stages: [{ id: null, name: "会商", unitIds: [] }, { id: publish.id, name: "印发公布", unitIds: [bb] }] });
    expect(noReviewer).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "stages.0.unitIds": "请为「会商」指定至少一个审核单位" } });
    const stage = (kind: string) => list.stages.find((s) => s.kind === kind)!;
    const r = await updateStagesAction({
      listId,
      version: list.version,
      stages: [
        { id: stage("JOINT_REVIEW").id, name: "部门联合初审", unitIds: [cg] },
        { id: stage("CONSULTATION").id, name: "会商", unitIds: [bb] },
        { id: stage("LEGALITY").id, name: "合法性审查", unitIds: [sf] },
        { id: null, name: "领导审核", unitIds: [gov] },
        { id: stage("EXECUTIVE").id, name: "常务会审定", unitIds: [gov] },
        { id: publish.id, name: "印发公布", unitIds: [bb] },
      ],
    });
    expect(r).toMatchObject({ ok: true });
    const after = await listOf(listId);
    expect(after.stages.map((s) => s.name)).toEqual(["部门联合初审", "会商", "合法性审查", "领导审核", "常务会审定", "印发公布"]);
    expect(await prisma.powerListEvent.count({ where: { listId, kind: "stagesChanged" } })).toBe(1);
  });

  it("runs the review: each stage's reviewers give opinions, 不同意 sends the draft back, then it is approved", async () => {
    await actAs("jiedao");
    expect(await submitListAction({ listId, version: await versionOf(listId) })).toMatchObject({ ok: true, data: { status: "IN_REVIEW" } });
    // The drafter can no longer edit.
    const item = await prisma.powerListItem.findFirstOrThrow({ where: { listId } });
    expect(await updateItemAction({ ...itemInput(), listId, itemId: item.id, itemVersion: item.version })).toMatchObject({ ok: false, code: "FORBIDDEN" });

    // Only the assigned unit of the active stage may give an opinion.
    await actAs("sifa");
    expect(await recordOpinionAction({ listId, version: await versionOf(listId), opinion: "AGREE" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("chengguan");
    const noReason = await recordOpinionAction({ listId, version: await versionOf(listId), opinion: "AGREE_WITH_CHANGES" });
    expect(noReason).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { body: "请写明需要修改的内容" } });
    const withComment = await recordOpinionAction({
      listId,
      version: await versionOf(listId),
      opinion: "AGREE_WITH_CHANGES",
      body: "个别依据需更新",
      itemComments: [{ itemId: item.id, body: "请核对条款序号" }],
    });
    expect(withComment).toMatchObject({ ok: true, data: { status: "IN_REVIEW" } });
    expect(await prisma.powerListItemComment.count({ where: { listId, itemId: item.id } })).toBe(1);

    await actAs("bianban");
    expect(await recordOpinionAction({ listId, version: await versionOf(listId), opinion: "AGREE" })).toMatchObject({ ok: true });

    // 合法性审查: 司法局 disagrees, the draft goes back to the drafter.
    await actAs("sifa");
    const stale = (await versionOf(listId)) - 1;
    expect(await recordOpinionAction({ listId, version: stale, opinion: "AGREE" })).toMatchObject({ ok: false, code: "CONFLICT" });
    const back = await recordOpinionAction({ listId, version: await versionOf(listId), opinion: "DISAGREE", body: "第 3 项依据已废止" });
    expect(back).toMatchObject({ ok: true, data: { status: "RETURNED" } });
    // The street that drafts the list is told, with a link to the list and the reason.
    const told = await prisma.notification.findMany({ where: { href: `/lists/manage/${listId}`, user: { username: "jiedao" } } });
    expect(told).toHaveLength(1);
    expect(told[0].title).toContain("被退回修改（合法性审查）");
    expect(told[0].body).toContain("第 3 项依据已废止");
    expect(await prisma.notification.count({ where: { href: `/lists/manage/${listId}`, user: { username: "sifa" } } })).toBe(0);

    await actAs("jiedao");
    const fixed = await prisma.powerListItem.findFirstOrThrow({ where: { listId } });
    expect(await updateItemAction({ ...itemInput({ name: fixed.name, legalBasis: "现行依据" }), listId, itemId: fixed.id, itemVersion: fixed.version })).toMatchObject({ ok: true });
    expect(await submitListAction({ listId, version: await versionOf(listId) })).toMatchObject({ ok: true, data: { status: "IN_REVIEW" } });
    const list = await listOf(listId);
    expect(list.reviewRound).toBe(2);
    expect(list.stages.find((s) => s.status === "ACTIVE")!.name).toBe("合法性审查");

    await actAs("sifa");
    expect(await recordOpinionAction({ listId, version: await versionOf(listId), opinion: "AGREE", body: "经审查合法" })).toMatchObject({ ok: true, data: { status: "IN_REVIEW" } });
    await actAs("lingdao");
    expect(await recordOpinionAction({ listId, version: await versionOf(listId), opinion: "AGREE" })).toMatchObject({ ok: true, data: { status: "IN_REVIEW" } });
    // 常务会审定 names its meeting: number and date are required, the date not in the future.
    const opinionsBefore = await prisma.powerListOpinion.count({ where: { listId } });
    expect(await recordOpinionAction({ listId, version: await versionOf(listId), opinion: "AGREE" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { meetingNumber: expect.stringContaining("会议期次"), meetingDate: "请填写会议日期" },
    });
    const tomorrow = new Date(Date.parse(`${today}T12:00:00+08:00`) + 86_400_000).toISOString().slice(0, 10);
    expect(await recordOpinionAction({ listId, version: await versionOf(listId), opinion: "AGREE", meetingNumber: "2026年第30次常务会议", meetingDate: tomorrow })).toMatchObject({
      ok: false,
      fieldErrors: { meetingDate: "会议日期不能晚于今天" },
    });
    expect(await recordOpinionAction({ listId, version: await versionOf(listId), opinion: "AGREE", meetingNumber: "2026年第30次常务会议", meetingDate: "2026-02-30" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await prisma.powerListOpinion.count({ where: { listId } })).toBe(opinionsBefore);
    expect(await recordOpinionAction({ listId, version: await versionOf(listId), opinion: "AGREE", meetingNumber: "2026年第30次常务会议", meetingDate: today })).toMatchObject({ ok: true, data: { status: "APPROVED" } });
    const decided = await prisma.powerListOpinion.findFirstOrThrow({ where: { listId }, orderBy: { id: "desc" }, include: { stage: true } });
    expect(decided).toMatchObject({ meetingNumber: "2026年第30次常务会议", stage: { kind: "EXECUTIVE" } });
    expect(decided.meetingDate!.toISOString().slice(0, 10)).toBe(today);
    const [y, m, d] = today.split("-").map(Number);
    const noted = await prisma.powerListEvent.findFirstOrThrow({ where: { listId, kind: "opinion", stageName: "常务会审定" } });
    expect(noted.note).toBe(`同意（2026年第30次常务会议，会议日期 ${y}年${m}月${d}日）`);
    const audited = await prisma.auditLog.findFirstOrThrow({ where: { action: "list.opinion", subjectId: String(listId) }, orderBy: { id: "desc" } });
    expect(audited.after).toMatchObject({ stage: "常务会审定", meetingNumber: "2026年第30次常务会议", meetingDate: today });

    const kinds = (await prisma.powerListEvent.findMany({ where: { listId }, orderBy: { id: "asc" } })).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["created", "submitted", "opinion", "returned", "resubmitted", "stageDone", "approved"]));
  });

  it("publishes an immutable version that only 编办 can publish, with confirmation fields checked", async () => {
    for (const username of ["jiedao", "sifa", "lingdao", "chengguan"]) {
      await actAs(username);
      expect(await publishListAction({ listId, version: await versionOf(listId), documentNumber: "示例编发〔2026〕9号", publishDate: today, effectiveDate: today })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    await actAs("bianban");
    const bad = await publishListAction({ listId, version: await versionOf(listId), documentNumber: "", publishDate: "2026-13-01", effectiveDate: today });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(["documentNumber", "publishDate"]));
    const r = await publishListAction({ listId, version: await versionOf(listId), documentNumber: "示例编发〔2026〕9号", publishDate: today, effectiveDate: today, note: "首次公布" });
    expect(r).toMatchObject({ ok: true, data: { versionNo: 1 } });
    if (!r.ok) return;
    const items = await prisma.powerListItem.count({ where: { listId } });
    const version = await prisma.powerListVersion.findUniqueOrThrow({ where: { id: r.data.id }, include: { _count: { select: { items: true } } } });
    expect(version).toMatchObject({ versionNo: 1, documentNumber: "示例编发〔2026〕9号", publisherName: "李秀英", itemCount: items });
    expect(version._count.items).toBe(items);
    expect(await prisma.powerListSearch.count({ where: { listId } })).toBe(items);
    expect(await prisma.auditLog.count({ where: { action: "list.publish", subjectId: String(listId) } })).toBe(1);

    // After publication the draft is closed to every write.
    await actAs("jiedao");
    const item = await prisma.powerListItem.findFirstOrThrow({ where: { listId } });
    expect(await updateItemAction({ ...itemInput(), listId, itemId: item.id, itemVersion: item.version })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("bianban");
    expect(await returnListAction({ listId, version: await versionOf(listId), reason: "再改改" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("has the database refuse any change to a published version or its items", async () => {
    const version = await prisma.powerListVersion.findFirstOrThrow({ where: { listId } });
    const item = await prisma.powerListVersionItem.findFirstOrThrow({ where: { versionId: version.id } });
    // The app's role may only add versions; the triggers refuse even the owner.
    await expect(prisma.powerListVersionItem.update({ where: { id: item.id }, data: { name: "篡改" } })).rejects.toThrow(/permission denied/);
    await expect(prisma.powerListVersionItem.delete({ where: { id: item.id } })).rejects.toThrow(/permission denied/);
    await expect(prisma.$executeRawUnsafe(`UPDATE power_list_version_item SET legal_basis = 'x' WHERE version_id = $1`, version.id)).rejects.toThrow(/permission denied/);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE power_list_version_item CASCADE`)).rejects.toThrow(/permission denied/);
    await expect(prisma.powerListVersion.update({ where: { id: version.id }, data: { documentNumber: "改" } })).rejects.toThrow(/permission denied/);
    await expect(ownerSql(`UPDATE power_list_version_item SET legal_basis = 'x' WHERE version_id = $1`, [version.id])).rejects.toThrow(/append-only/);
    await expect(ownerSql(`TRUNCATE power_list_version_item CASCADE`)).rejects.toThrow(/append-only/);
    await expect(ownerSql(`UPDATE power_list_version SET document_number = '改' WHERE id = $1`, [version.id])).rejects.toThrow(/append-only/);
    await expect(prisma.powerListVersion.delete({ where: { id: version.id } })).rejects.toThrow();
    expect((await prisma.powerListVersionItem.findUniqueOrThrow({ where: { id: item.id } })).name).toBe(item.name);
  });

  it("has no code path that updates or deletes published items", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!["node_modules", "generated", ".next"].includes(entry.name) && !entry.name.startsWith(".next")) walk(p);
        } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts")) {
          const text = fs.readFileSync(p, "utf8");
          if (/powerListVersion(Item)?\.(update|updateMany|upsert|delete|deleteMany)\b/.test(text) || /(UPDATE|DELETE FROM)\s+"?power_list_version/i.test(text)) offenders.push(p);
        }
      }
    };
    for (const dir of ["lib", "app", "components", "prisma", "scripts"]) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});

describe("adjusting a published list (动态调整)", () => {
  let listId = 0;
  let adjustmentId = 0;

  it("lets a department file a change request; the wrong roles cannot", async () => {
    listId = (await prisma.powerList.findFirstOrThrow({ where: { unit: { name: "南岸街道办事处" }, form: "POWER" } })).id;
    const version = await prisma.powerListVersion.findFirstOrThrow({ where: { listId }, orderBy: { versionNo: "desc" } });
    const items = await prisma.powerListVersionItem.findMany({ where: { versionId: version.id }, orderBy: { position: "asc" } });
    const category = await prisma.powerListCategory.findFirstOrThrow({ where: { name: "组织公共服务" } });
    const input = {
      listId,
      baseVersionNo: version.versionNo,
      reason: "新增一项公共服务，取消一项已收回事项",
      basis: "市政府办公室关于调整街道职责的通知",
      changes: [
        { action: "ADD" as const, fields: { ...itemInput({ name: "为老年人办理优待证", powerType: "公共服务", categoryId: category.id }) } },
        { action: "REMOVE" as const, itemKey: items[1].itemKey, note: "已收回" },
        { action: "MODIFY" as const, itemKey: items[0].itemKey, fields: { name: items[0].name, powerType: items[0].powerType, legalBasis: "修改后的依据", section: "BASIC" as const, categoryId: null } },
      ],
    };
    const before = await snapshot();
    for (const username of ["sifa", "lingdao", "jiedao", "shequ", "bianban"]) {
      await actAs(username);
      expect(await createAdjustmentAction(input), username).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await snapshot()).toEqual(before);
    await actAs("chengguan");
    expect(await createAdjustmentAction({ ...input, baseVersionNo: version.versionNo + 1 })).toMatchObject({ ok: false, code: "CONFLICT" });
    const r = await createAdjustmentAction(input);
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    adjustmentId = r.data.id;
    // One open request per list.
    expect(await createAdjustmentAction(input)).toMatchObject({ ok: false, code: "INVALID_STATE" });
    const changes = await prisma.powerListAdjustmentChange.findMany({ where: { adjustmentId }, orderBy: { position: "asc" } });
    expect(changes.map((c) => c.action)).toEqual(["ADD", "REMOVE", "MODIFY"]);
    // A modification keeps only what changed.
    expect(Object.keys(changes[2].fields as object)).toContain("legalBasis");
    expect(Object.keys(changes[2].fields as object)).not.toContain("name");
  });

  it("takes opinions from joint-meeting members, then 编办 decides, files and publishes version 2", async () => {
    const ref = async () => ({ adjustmentId, version: (await prisma.powerListAdjustment.findUniqueOrThrow({ where: { id: adjustmentId } })).version });
    for (const username of ["chengguan", "jiedao", "lingdao", "bianban"]) {
      await actAs(username);
      expect(await opineAdjustmentAction({ ...(await ref()), opinion: "AGREE" }), username).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    await actAs("sifa");
    expect(await opineAdjustmentAction({ ...(await ref()), opinion: "AGREE", body: "合法" })).toMatchObject({ ok: true });
    // Filing before the decision is out of order.
    await actAs("bianban");
    expect(await fileAdjustmentAction({ ...(await ref()), filingNumber: "示例编备〔2026〕9号" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("sifa");
    expect(await decideAdjustmentAction({ ...(await ref()), approve: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("bianban");
    expect(await decideAdjustmentAction({ ...(await ref()), approve: false })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { note: "不予调整时请写明理由" } });
    expect(await decideAdjustmentAction({ ...(await ref()), approve: true, note: "同意" })).toMatchObject({ ok: true, data: { status: "APPROVED" } });
    expect(await fileAdjustmentAction({ ...(await ref()), filingNumber: "示例编备〔2026〕9号" })).toMatchObject({ ok: true, data: { status: "FILED" } });
    const r = await publishAdjustmentAction({ ...(await ref()), documentNumber: "示例编发〔2026〕99号", publishDate: today, effectiveDate: today });
    expect(r).toMatchObject({ ok: true, data: { versionNo: 2 } });

    const diff = await readDiff(prisma, listId, 1, 2);
    expect(diff!.diff.added.map((i) => i.name)).toEqual(["为老年人办理优待证"]);
    expect(diff!.diff.removed).toHaveLength(1);
    expect(diff!.diff.changed).toHaveLength(1);
    expect(diff!.diff.changed[0].changes.map((c) => c.label)).toContain("实施依据");
    const v1 = await prisma.powerListVersion.findFirstOrThrow({ where: { listId, versionNo: 1 }, include: { _count: { select: { items: true } } } });
    const v2 = await prisma.powerListVersion.findFirstOrThrow({ where: { listId, versionNo: 2 } });
    expect(v2.itemCount).toBe(v1._count.items);
    expect(v2.adjustmentId).toBe(adjustmentId);
    // The search rows now belong to version 2 only.
    expect(await prisma.powerListSearch.count({ where: { listId, versionId: { not: v2.id } } })).toBe(0);
    const actions = (await prisma.auditLog.findMany({ where: { subjectType: "powerListAdjustment", subjectId: String(adjustmentId) }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["adjustment.create", "adjustment.opinion", "adjustment.approve", "adjustment.file", "adjustment.publish"]);
  });
});
