import { beforeAll, describe, expect, it } from "vitest";
import { closeAppraisalRoundAction, confirmRevocationAction, createSurveyLinkAction, openAppraisalRoundAction, rateDutiesAction } from "@/lib/appraisal/actions";
import { submitSurvey } from "@/lib/appraisal/commands";
import { actAs, prisma, seedDemo, SEED_TIMEOUT, unitId } from "./helpers";

beforeAll(() => seedDemo(), SEED_TIMEOUT);

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
    await actAs("bianban");
    const r = await confirmRevocationAction({ roundId: round.id, dutyId: duty.id, note: "满意度未过半，予以撤销" });
    expect(r).toMatchObject({ ok: true });
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
