import { describe, expect, it } from "vitest";
import { closeAppraisalRoundAction, confirmRevocationAction, createSurveyLinkAction, decideFlaggedDutyAction, openAppraisalRoundAction, rateDutiesAction } from "@/lib/appraisal/actions";
import { monthsBefore, submitSurvey } from "@/lib/appraisal/commands";
import { roundResults } from "@/lib/appraisal/queries";
import { saveSettingsAction } from "@/lib/admission/actions";
import { GET as exportResults } from "@/app/(workspace)/appraisal/[id]/export/route";
import ExcelJS from "exceljs";
import { actAs, createTestUser, prisma, unitId } from "./helpers";


describe("yearly appraisal", () => {
  it("flags at half, takes one-time survey links, and revokes into a new list version", async () => {
    const round = await prisma.appraisalRound.findFirstOrThrow({ where: { status: "OPEN" } });
    await actAs("bianban");
    expect(await openAppraisalRoundAction({ year: round.year, closesOn: `${round.year}-12-31` })).toMatchObject({ ok: false, code: "DUPLICATE" });
    const guihua = await unitId("东湖桂花社区");
    const duty = await prisma.localDuty.findFirstOrThrow({ where: { unitId: guihua, name: "高龄津贴申领材料初审", active: true } });

    // A survey link works once.
    const link = await createSurveyLinkAction({ roundId: round.id, unitId: guihua, label: "居民代表" });
    if (!link.ok) throw new Error(link.message);
    const meta = { address: null, userAgent: "test" };
    expect(await submitSurvey({ token: link.data.token, ratings: [{ dutyId: duty.id, value: "SATISFIED" }] }, meta)).toMatchObject({ ok: true });
    expect(await submitSurvey({ token: link.data.token, ratings: [{ dutyId: duty.id, value: "SATISFIED" }] }, meta)).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await submitSurvey({ token: "x".repeat(32), ratings: [{ dutyId: duty.id, value: "SATISFIED" }] }, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });

    // The community account rates (once); the other units' accounts cannot rate its duties.
    await actAs("jiedao");
    expect(await rateDutiesAction({ roundId: round.id, ratings: [{ dutyId: duty.id, value: "SATISFIED" }] })).toMatchObject({ ok: false, code: "VALIDATION" });
    await actAs("shequ");
    // Seeded: 1 basic + 2 dissatisfied; now + 1 satisfied (survey) → 2/4 = 50%: still flagged.
    expect(await rateDutiesAction({ roundId: round.id, ratings: [{ dutyId: duty.id, value: "DISSATISFIED" }] })).toMatchObject({ ok: true });
    expect(await rateDutiesAction({ roundId: round.id, ratings: [{ dutyId: duty.id, value: "SATISFIED" }] })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    await actAs("bianban");
    const ok = await prisma.localDuty.findFirstOrThrow({ where: { name: "门前三包责任制落实督导", active: true } });
    expect(await confirmRevocationAction({ roundId: round.id, dutyId: ok.id, note: "试图撤销" })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    await actAs("lingdao");
    expect(await confirmRevocationAction({ roundId: round.id, dutyId: duty.id, note: "撤销" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await createTestUser({ unit: "示例市民政局", roles: ["DEPARTMENT"], username: "minzheng-test" });
    await actAs("bianban");
    // A flagged duty without a decision keeps the round open.
    expect(await closeAppraisalRoundAction({ roundId: round.id })).toMatchObject({ ok: false, code: "INVALID_STATE", message: expect.stringContaining("高龄津贴申领材料初审") });
    const r = await confirmRevocationAction({ roundId: round.id, dutyId: duty.id, note: "满意度未过半，予以撤销" });
    expect(r).toMatchObject({ ok: true });
    // The department that handed it down is told, with a link to the unit's published list.
    const told = await prisma.notification.findMany({ where: { href: `/local-duties/${guihua}` }, include: { user: { select: { unit: { select: { name: true } } } } } });
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((n) => n.user.unit.name === "示例市民政局")).toBe(true);
    expect(told[0].title).toContain("高龄津贴申领材料初审");
    expect(await prisma.localDuty.findUniqueOrThrow({ where: { id: duty.id } })).toMatchObject({ active: false });
    expect(await prisma.appraisalRevocation.findFirstOrThrow({ where: { localDutyId: duty.id } })).toMatchObject({ satisfied: 1, basic: 1, dissatisfied: 3 - 0 });
    const latest = await prisma.localDutyListVersion.findFirstOrThrow({ where: { unitId: guihua }, orderBy: { versionNo: "desc" } });
    expect(JSON.stringify(latest.items)).not.toContain("高龄津贴申领材料初审");

    // Closing ends the round for everyone: no more ratings, no unused link works.
    const spare = await createSurveyLinkAction({ roundId: round.id, unitId: guihua, label: "辖区企业代表" });
    if (!spare.ok) throw new Error(spare.message);
    await actAs("lingdao");
    expect(await closeAppraisalRoundAction({ roundId: round.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("bianban");
    expect(await closeAppraisalRoundAction({ roundId: round.id })).toMatchObject({ ok: true });
    expect(await prisma.appraisalRound.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ status: "CLOSED", closedAt: expect.any(Date) });
    expect(await prisma.auditLog.count({ where: { action: "appraisal.close", subjectId: String(round.id) } })).toBe(1);
    expect(await closeAppraisalRoundAction({ roundId: round.id })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    const other = duty;
    expect(await submitSurvey({ token: spare.data.token, ratings: [{ dutyId: other.id, value: "SATISFIED" }] }, meta)).toMatchObject({ ok: false, code: "INVALID_STATE" });
    await actAs("shequ");
    expect(await rateDutiesAction({ roundId: round.id, ratings: [{ dutyId: other.id, value: "SATISFIED" }] })).toMatchObject({ ok: false, code: "INVALID_STATE" });
  });
});

describe("closing an appraisal round", () => {
  it("needs each flagged duty revoked or kept with a reason, lists unrated duties, takes survey comments and leaves out new duties", async () => {
    await actAs("bianban");
    const last = await prisma.appraisalRound.findFirstOrThrow({ orderBy: { year: "desc" } });
    const year = last.year + 1;
    // The seeded duties were admitted two years before; 编办's rule: duties in force less than
    // six months when a round opens sit it out.
    await prisma.localDuty.updateMany({ where: { admissionId: { not: null } }, data: { admittedOn: new Date(Date.UTC(year - 2, 0, 1)) } });
    expect(await saveSettingsAction({ filingAuthority: "示例省委编办", appraisalExclusionMonths: 6 })).toMatchObject({ ok: true });
    const opened = await openAppraisalRoundAction({ year, closesOn: `${year}-12-31` });
    if (!opened.ok) throw new Error(opened.message);
    const round = await prisma.appraisalRound.findUniqueOrThrow({ where: { id: opened.data.id } });
    // The rule is fixed on the round when it opens.
    expect(round.exclusionMonths).toBe(6);
    expect(round.admittedBefore).not.toBeNull();

    // A duty admitted last week sits this round out: not listed, not rateable.
    const donghu = await unitId("东湖街道办事处");
    const template = await prisma.localDuty.findFirstOrThrow({ where: { unitId: donghu, name: "门前三包责任制落实督导", active: true } });
    const { id: _id, createdAt: _c, ...rest } = template;
    const fresh = await prisma.localDuty.create({ data: { ...rest, name: "新近准入的测试事项", nameKey: "新近准入的测试事项", admittedOn: new Date(Date.now() - 7 * 86_400_000) } });
    let results = (await roundResults(round.id))!;
    expect(results.rows.map((r) => r.id)).not.toContain(fresh.id);
    expect(results.excluded).toBeGreaterThanOrEqual(1);
    await actAs("jiedao");
    expect(await rateDutiesAction({ roundId: round.id, ratings: [{ dutyId: fresh.id, value: "SATISFIED" }] })).toMatchObject({ ok: false, code: "VALIDATION" });

    // 东湖 rates 门前三包 dissatisfied: flagged. Nobody rates 南岸's.
    expect(await rateDutiesAction({ roundId: round.id, ratings: [{ dutyId: template.id, value: "DISSATISFIED" }] })).toMatchObject({ ok: true });
    results = (await roundResults(round.id))!;
    expect(results.undecided.map((r) => r.id)).toEqual([template.id]);
    const nanan = await prisma.localDuty.findFirstOrThrow({ where: { unitId: await unitId("南岸街道办事处"), name: "门前三包责任制落实督导", active: true } });
    expect(results.unrated.map((r) => r.id)).toContain(nanan.id);

    // A survey may carry a comment.
    await actAs("bianban");
    const hetang = await unitId("东湖荷塘社区");
    const link = await createSurveyLinkAction({ roundId: round.id, unitId: hetang, label: "居民代表" });
    if (!link.ok) throw new Error(link.message);
    const gl = await prisma.localDuty.findFirstOrThrow({ where: { unitId: hetang, active: true, admissionId: { not: null } } });
    expect(await submitSurvey({ token: link.data.token, ratings: [{ dutyId: gl.id, value: "SATISFIED" }], comment: "希望增加夜间巡查" }, { address: null, userAgent: "test" })).toMatchObject({ ok: true });
    expect((await roundResults(round.id))!.links.find((l) => l.label === "居民代表")?.comment).toBe("希望增加夜间巡查");

    expect(await closeAppraisalRoundAction({ roundId: round.id })).toMatchObject({ ok: false, code: "INVALID_STATE", message: expect.stringContaining("门前三包责任制落实督导") });
    // Keeping needs a reason; then the duty stays in force and the round can close.
    expect(await decideFlaggedDutyAction({ roundId: round.id, dutyId: template.id, decision: "KEEP", note: "" })).toMatchObject({ ok: false, fieldErrors: { note: expect.any(String) } });
    expect(await decideFlaggedDutyAction({ roundId: round.id, dutyId: template.id, decision: "KEEP", note: "仅一份评价，样本不足，保留观察" })).toMatchObject({ ok: true });
    expect(await prisma.appraisalRevocation.findFirstOrThrow({ where: { roundId: round.id, localDutyId: template.id } })).toMatchObject({ outcome: "KEPT", note: "仅一份评价，样本不足，保留观察" });
    expect((await prisma.localDuty.findUniqueOrThrow({ where: { id: template.id } })).active).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "appraisal.keep", subjectId: String(template.id) } })).toBe(1);
    expect(await decideFlaggedDutyAction({ roundId: round.id, dutyId: template.id, decision: "REVOKE", note: "再次决定" })).toMatchObject({ ok: false });
    expect(await closeAppraisalRoundAction({ roundId: round.id })).toMatchObject({ ok: true });

    // The results export: one row per duty with its outcome and reason.
    const res = await exportResults(new Request(`http://localhost/appraisal/${round.id}/export`), { params: Promise.resolve({ id: String(round.id) }) });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("评议结果")!;
    const lines: string[] = [];
    sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map(String).join("|")));
    expect(lines.find((l) => l.includes("东湖街道办事处|门前三包责任制落实督导"))).toContain("说明理由保留|仅一份评价，样本不足，保留观察");
    expect(lines.find((l) => l.includes("南岸街道办事处|门前三包责任制落实督导"))).toContain("无人评价");
    expect(lines.some((l) => l.includes("新近准入的测试事项"))).toBe(false);
    await actAs("jiedao");
    expect((await exportResults(new Request(`http://localhost/appraisal/${round.id}/export`), { params: Promise.resolve({ id: String(round.id) }) })).status).toBe(403);
  });

  it("counts months back on the calendar", () => {
    expect(monthsBefore("2026-12-06", 6)).toBe("2026-06-06");
    expect(monthsBefore("2026-08-31", 6)).toBe("2026-02-28");
    expect(monthsBefore("2026-03-15", 12)).toBe("2025-03-15");
  });
});
