import { beforeAll, describe, expect, it } from "vitest";
import {
  closeEvaluationRoundAction,
  createEvaluationRoundAction,
  deleteDraftEvaluationRoundAction,
  extendSheetAction,
  openEvaluationRoundAction,
  publishEvaluationRoundAction,
  changePairsAction,
  remindEvaluationRatersAction,
  resetPairsAction,
  saveIndicatorsAction,
  setUnitPairsAction,
  saveScoresAction,
  submitSheetAction,
} from "@/lib/evaluation/actions";
import { resultsView } from "@/lib/evaluation/queries";
import { can } from "@/lib/auth/policy";
import { GET as exportRoute } from "@/app/api/evaluation/[id]/export/route";
import { actAs, DEMO_USERNAMES, prisma, unitId } from "./helpers";


const ALL = DEMO_USERNAMES;
const inDays = (n: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + n * 86_400_000));

async function publishedRound() {
  return prisma.evaluationRound.findFirstOrThrow({ where: { status: "PUBLISHED" } });
}

describe("the demo seed", () => {
  it("has a published round, an open one, and dispatched cases in every state with overdue ones", async () => {
    expect((await prisma.evaluationRound.findMany({ orderBy: { year: "asc" } })).map((r) => r.status)).toEqual(["PUBLISHED", "OPEN"]);
    const statuses = await prisma.dispatch.groupBy({ by: ["status"], _count: { _all: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(["ACCEPTED", "ESCALATED", "FORWARDED", "HANDLED", "REPLIED", "REPORTED"]);
    const today = new Date(`${inDays(0)}T00:00:00Z`);
    const overdue = await prisma.dispatch.count({ where: { OR: [{ status: { in: ["REPORTED", "ESCALATED"] }, acceptDueOn: { lt: today } }, { status: "FORWARDED", replyDueOn: { lt: today } }] } });
    expect(overdue).toBeGreaterThanOrEqual(3);
    expect(await prisma.dispatch.count({ where: { reportLate: true } })).toBe(1);
  });

  it("a published result matches a hand calculation from the raw scores (trimmed mean)", async () => {
    const round = await publishedRound();
    const cg = await unitId("示例市城市管理综合执法局");
    const inds = await prisma.evaluationIndicator.findMany({ where: { roundId: round.id }, orderBy: { sortOrder: "asc" } });
    let total = 0;
    for (const ind of inds) {
      const values = (await prisma.evaluationScore.findMany({ where: { roundId: round.id, rateeUnitId: cg, indicatorId: ind.id } })).map((s) => s.value).sort((a, b) => a - b);
      const kept = values.length >= 5 ? values.slice(1, -1) : values;
      total += (ind.weight * (kept.reduce((a, b) => a + b, 0) / kept.length - ind.scaleMin)) / (ind.scaleMax - ind.scaleMin);
    }
    const result = await prisma.evaluationResult.findUniqueOrThrow({ where: { roundId_unitId: { roundId: round.id, unitId: cg } } });
    expect(Number(result.total)).toBeCloseTo(Math.round(total * 100) / 100, 2);
  });
});

describe("the role matrix", () => {
  it("only 编办 manages rounds; streets and departments rate; sifa and shequ see nothing of it", async () => {
    const expected: Record<string, [boolean, boolean, boolean, boolean]> = {
      // read, manage, rate (own unit, open round), raterDetail
      admin: [true, true, false, true],
      bianban: [true, true, false, true],
      chengguan: [true, false, true, false],
      sifa: [false, false, false, false],
      jiedao: [true, false, true, false],
      shequ: [false, false, false, false],
      lingdao: [true, false, false, false],
    };
    for (const name of ALL) {
      const u = (await actAs(name))!;
      const got = [can(u, "evaluation.read"), can(u, "evaluation.manage"), can(u, "evaluation.rate", { type: "evaluationUnit", unitId: u.unitId, roundStatus: "OPEN" }), can(u, "evaluation.raterDetail")];
      expect(got, name).toEqual(expected[name]);
    }
  });

  it("individual raters' scores reach only 编办, at the server", async () => {
    const round = await publishedRound();
    const cg = await unitId("示例市城市管理综合执法局");
    const bb = await resultsView((await actAs("bianban"))!, round.id, cg);
    expect(bb!.raters!.length).toBeGreaterThan(5);
    expect(bb!.flagged!.map((f) => f.name)).toContain("茶山镇人民政府");

    const own = await resultsView((await actAs("chengguan"))!, round.id, cg);
    expect(own!.raters).toBeNull();
    expect(own!.flagged).toBeNull();
    expect(own!.results.map((r) => r.unitName)).toEqual(["示例市城市管理综合执法局"]);
    expect(own!.results[0].rank).toBeGreaterThan(0);

    const street = await resultsView((await actAs("jiedao"))!, round.id, cg);
    expect(street!.results.map((r) => r.unitName)).toEqual(["东湖街道办事处"]);
    expect(street!.raters).toBeNull();

    const leader = await resultsView((await actAs("lingdao"))!, round.id, cg);
    expect(leader!.results.length).toBeGreaterThan(10);
    expect(leader!.raters).toBeNull();

    for (const name of ["chengguan", "jiedao", "lingdao", "sifa"]) {
      await actAs(name);
      const res = await exportRoute(new Request("http://x"), { params: Promise.resolve({ id: String(round.id) }) });
      expect(res.status, name).toBe(403);
    }
    await actAs("bianban");
    const res = await exportRoute(new Request("http://x"), { params: Promise.resolve({ id: String(round.id) }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
  });

  it("an unpublished round shows participants nothing", async () => {
    const open = await prisma.evaluationRound.findFirstOrThrow({ where: { status: "OPEN" } });
    const v = await resultsView((await actAs("jiedao"))!, open.id);
    expect(v!.scope).toBe("NONE");
    expect(v!.results).toEqual([]);
  });

  it("non-编办 users cannot create or steer rounds", async () => {
    const open = await prisma.evaluationRound.findFirstOrThrow({ where: { status: "OPEN" } });
    for (const name of ["chengguan", "sifa", "jiedao", "shequ", "lingdao"]) {
      await actAs(name);
      expect((await createEvaluationRoundAction({ year: 2030, title: "越权", closesOn: inDays(10) })).ok, name).toBe(false);
      expect((await remindEvaluationRatersAction({ roundId: open.id })).ok, name).toBe(false);
      expect((await closeEvaluationRoundAction({ roundId: open.id })).ok, name).toBe(false);
    }
    await actAs("sifa");
    expect(await saveScoresAction({ roundId: open.id, cells: [], comments: [] })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("a round from opening to published results", () => {
  it("validates, saves drafts, locks on submit, reminds, extends, publishes; each change audited", async () => {
    await actAs("bianban");
    const created = await createEvaluationRoundAction({ year: 2027, title: "2027 年度区街双向考评", closesOn: inDays(10), trimmed: false });
    if (!created.ok) throw new Error(created.message);
    const roundId = created.data.id;
    const inds = await prisma.evaluationIndicator.findMany({ where: { roundId }, orderBy: { sortOrder: "asc" } });
    expect(inds.map((i) => i.name)).toEqual(["厘清区街职责边界", "街道吹哨部门报到", "派驻机构管理", "区街联动配合"]);

    const bad = await saveIndicatorsAction({ roundId, indicators: inds.map((i, n) => ({ ...i, weight: n === 0 ? 30 : i.weight })) });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(!bad.ok && bad.fieldErrors?.indicators).toBe("各指标权重之和应为 100，当前为 105");
    expect((await prisma.evaluationIndicator.findFirstOrThrow({ where: { roundId, sortOrder: 1 } })).weight).toBe(25);

    // Rating before opening is refused.
    await actAs("jiedao");
    expect((await saveScoresAction({ roundId, cells: [], comments: [] })).ok).toBe(false);

    await actAs("bianban");
    const audits = await prisma.auditLog.count({ where: { action: { startsWith: "evaluation." } } });
    expect((await openEvaluationRoundAction({ roundId })).ok).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: { startsWith: "evaluation." } } })).toBe(audits + 1);

    const jiedao = (await actAs("jiedao"))!;
    const pairs = await prisma.evaluationPair.findMany({ where: { roundId, raterUnitId: jiedao.unitId } });
    const cells = (v: (d: number, i: number) => number | string) => pairs.flatMap((p, d) => inds.map((ind, i) => ({ rateeUnitId: p.rateeUnitId, indicatorId: ind.id, value: v(d, i) })));

    const outOfScale = await saveScoresAction({ roundId, cells: [{ rateeUnitId: pairs[0].rateeUnitId, indicatorId: inds[0].id, value: 101 }], comments: [] });
    expect(outOfScale).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(!outOfScale.ok && outOfScale.fieldErrors?.[`cell.${pairs[0].rateeUnitId}.${inds[0].id}`]).toBe("厘清区街职责边界：分值应在 0–100 之间");
    expect(await prisma.evaluationScore.count({ where: { roundId } })).toBe(0);

    const draft = await saveScoresAction({ roundId, cells: cells((d, i) => (d < 2 ? 80 + i : "")), comments: [{ rateeUnitId: pairs[0].rateeUnitId, comment: "配合积极" }] });
    expect(draft).toMatchObject({ ok: true, data: { saved: 8 } });
    const early = await submitSheetAction({ roundId, cells: [], comments: [] });
    expect(early).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(!early.ok && early.message).toBe(`还有 ${pairs.length * 4 - 8} 项评分未填写，全部填写后才能提交。`);

    await actAs("bianban");
    const reminded = await remindEvaluationRatersAction({ roundId });
    expect(reminded.ok).toBe(true);
    expect(await prisma.notification.count({ where: { userId: jiedao.id, title: { startsWith: "催办" } } })).toBeGreaterThan(0);
    const cgUnit = await unitId("示例市城市管理综合执法局");
    expect((await extendSheetAction({ roundId, raterUnitId: cgUnit, extendedTo: inDays(5) })).ok).toBe(false);
    expect((await extendSheetAction({ roundId, raterUnitId: cgUnit, extendedTo: inDays(15) })).ok).toBe(true);

    await actAs("jiedao");
    expect((await submitSheetAction({ roundId, cells: cells((d, i) => 70 + ((d + i) % 20)), comments: [] })).ok).toBe(true);
    expect(await saveScoresAction({ roundId, cells: cells(() => 90), comments: [] })).toMatchObject({ ok: false, code: "LOCKED" });

    // A second street and one department rate; then 编办 closes and publishes.
    await actAs("chengguan");
    const cgPairs = await prisma.evaluationPair.findMany({ where: { roundId, raterUnitId: cgUnit } });
    expect((await submitSheetAction({ roundId, cells: cgPairs.flatMap((p, d) => inds.map((ind) => ({ rateeUnitId: p.rateeUnitId, indicatorId: ind.id, value: 60 + d }))), comments: [] })).ok).toBe(true);

    await actAs("bianban");
    expect((await publishEvaluationRoundAction({ roundId })).ok).toBe(false);
    expect((await closeEvaluationRoundAction({ roundId })).ok).toBe(true);
    expect((await publishEvaluationRoundAction({ roundId })).ok).toBe(true);

    const mine = await resultsView((await actAs("jiedao"))!, roundId);
    expect(mine!.results).toHaveLength(1);
    // Only 城管局 rated 东湖街道 (its first street, 60 on every indicator): total 60.
    const donghu = await prisma.evaluationResult.findUniqueOrThrow({ where: { roundId_unitId: { roundId, unitId: jiedao.unitId } } });
    expect(Number(donghu.total)).toBe(60 + cgPairs.findIndex((p) => p.rateeUnitId === jiedao.unitId));
    expect(await prisma.auditLog.count({ where: { action: "evaluation.round.publish", subjectId: String(roundId) } })).toBe(1);
  });
});

describe("one round a year", () => {
  it("refuses a second round for a year that has one, with the reason beside the year, and the database refuses it too", async () => {
    await actAs("bianban");
    const before = await prisma.evaluationRound.count();
    const audits = await prisma.auditLog.count();
    const second = await createEvaluationRoundAction({ year: 2026, title: "2026 年度补充考评", closesOn: inDays(10), trimmed: true });
    const message = "2026 年度已有考评「2026 年度区街双向考评」，每个年度只能有一轮双向考评。";
    expect(second).toMatchObject({ ok: false, code: "DUPLICATE", message, fieldErrors: { year: message } });
    expect(await prisma.evaluationRound.count()).toBe(before);
    expect(await prisma.auditLog.count()).toBe(audits);
    await expect(prisma.evaluationRound.create({ data: { year: 2026, title: "绕过检查", closesOn: new Date("2099-01-01"), createdByName: "测试" } })).rejects.toMatchObject({ code: "P2002" });
  });

  it("lets 编办 delete a round still being set up, freeing its year, and nothing later", async () => {
    await actAs("bianban");
    const wrong = await createEvaluationRoundAction({ year: 2031, title: "2031 年度区街双向考评（年度填错）", closesOn: inDays(10), trimmed: true });
    if (!wrong.ok) throw new Error(wrong.message);
    await actAs("chengguan");
    expect(await deleteDraftEvaluationRoundAction({ roundId: wrong.data.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("bianban");
    expect(await deleteDraftEvaluationRoundAction({ roundId: wrong.data.id })).toMatchObject({ ok: true });
    expect(await prisma.evaluationRound.findUnique({ where: { id: wrong.data.id } })).toBeNull();
    expect(await prisma.evaluationPair.count({ where: { roundId: wrong.data.id } })).toBe(0);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "evaluation.round.delete", subjectId: String(wrong.data.id) } });
    expect(audit.before).toMatchObject({ year: 2031, status: "DRAFT" });
    expect(await createEvaluationRoundAction({ year: 2031, title: "2031 年度区街双向考评", closesOn: inDays(10), trimmed: true })).toMatchObject({ ok: true });
    // A round that has opened keeps its history.
    const open = await prisma.evaluationRound.findFirstOrThrow({ where: { status: { not: "DRAFT" } } });
    expect(await deleteDraftEvaluationRoundAction({ roundId: open.id })).toMatchObject({ ok: false, code: "INVALID_STATE" });
  });
});

describe("who rates whom", () => {
  let roundId: number;
  let streets: { id: number; parentId: number | null }[];
  let departments: number[];
  let xishan: number;
  let local: number;
  const count = (where: Record<string, unknown> = {}) => prisma.evaluationPair.count({ where: { roundId, ...where } });

  beforeAll(async () => {
    xishan = await unitId("西山县");
    // A county department: related only to the streets and townships of its own county.
    local = (await prisma.orgUnit.create({ data: { name: "西山县农业农村局", kind: "DEPARTMENT", parentId: xishan } })).id;
    await actAs("bianban");
    const created = await createEvaluationRoundAction({ year: 2028, title: "2028 年度区街双向考评", closesOn: inDays(20), trimmed: true });
    if (!created.ok) throw new Error(created.message);
    roundId = created.data.id;
    streets = await prisma.orgUnit.findMany({ where: { kind: { in: ["STREET", "TOWNSHIP"] }, active: true }, select: { id: true, parentId: true } });
    departments = (await prisma.orgUnit.findMany({ where: { kind: "DEPARTMENT", active: true, NOT: { name: { endsWith: "人民政府" } } }, select: { id: true } })).map((d) => d.id);
  });

  it("starts with every related pair both ways: city departments with every street, a county's with its own", async () => {
    const inXishan = streets.filter((s) => s.parentId === xishan).length;
    expect(inXishan).toBeGreaterThan(0);
    const related = streets.length * (departments.length - 1) + inXishan;
    expect(await count({ side: "STREET" })).toBe(related);
    expect(await count({ side: "DEPARTMENT" })).toBe(related);
    expect(await count({ raterUnitId: local })).toBe(inXishan);
    expect(await prisma.evaluationSheet.count({ where: { roundId } })).toBe(streets.length + departments.length);
  });

  it("adds and removes by district and by department, one direction or both, and keeps the sheets in step", async () => {
    const dongqu = await unitId("东湖区");
    const east = streets.filter((s) => s.parentId === dongqu).map((s) => s.id);
    const total = await count();
    const removed = await changePairsAction({ roundId, op: "remove", direction: "STREET", districtId: dongqu });
    expect(removed).toMatchObject({ ok: true, data: { changed: total - (await count()) } });
    expect(removed.ok && removed.data.changed).toBe(east.length * (departments.length - 1));
    expect(await count({ side: "STREET", raterUnitId: { in: east } })).toBe(0);
    expect(await count({ side: "DEPARTMENT", rateeUnitId: { in: east } })).toBeGreaterThan(0);
    expect(await prisma.evaluationSheet.count({ where: { roundId, raterUnitId: { in: east } } })).toBe(0);

    // Adding back within the district adds every department, the county one too (an explicit choice).
    const added = await changePairsAction({ roundId, op: "add", direction: "STREET", districtId: dongqu });
    expect(added).toMatchObject({ ok: true, data: { changed: east.length * departments.length } });
    expect(await prisma.evaluationSheet.count({ where: { roundId, raterUnitId: { in: east } } })).toBe(east.length);

    const cg = await unitId("示例市城市管理综合执法局");
    expect((await changePairsAction({ roundId, op: "remove", direction: "BOTH", departmentId: cg })).ok).toBe(true);
    expect(await count({ OR: [{ raterUnitId: cg }, { rateeUnitId: cg }] })).toBe(0);
    expect(await prisma.evaluationSheet.count({ where: { roundId, raterUnitId: cg } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "evaluation.pairs.change", subjectId: String(roundId) } })).toBe(3);
  });

  it("sets whom one unit rates without touching who rates it", async () => {
    const donghu = await unitId("东湖街道办事处");
    const wj = await unitId("示例市卫生健康委员会");
    const yj = await unitId("示例市应急管理局");
    const ratedBy = await count({ rateeUnitId: donghu });
    const set = await setUnitPairsAction({ roundId, unitId: donghu, direction: "RATES", counterpartIds: [wj, yj] });
    expect(set).toMatchObject({ ok: true, data: { pairs: 2 } });
    expect((await prisma.evaluationPair.findMany({ where: { roundId, raterUnitId: donghu } })).map((p) => [p.rateeUnitId, p.side]).sort()).toEqual([[wj, "STREET"], [yj, "STREET"]].sort());
    expect(await count({ rateeUnitId: donghu })).toBe(ratedBy);

    const byDept = await setUnitPairsAction({ roundId, unitId: donghu, direction: "RATED_BY", counterpartIds: [wj] });
    expect(byDept).toMatchObject({ ok: true, data: { pairs: 1 } });
    expect(await prisma.evaluationPair.findMany({ where: { roundId, rateeUnitId: donghu }, select: { raterUnitId: true, side: true } })).toEqual([{ raterUnitId: wj, side: "DEPARTMENT" }]);

    // A street cannot rate a street; a unit outside the evaluation is refused.
    const nanan = await unitId("南岸街道办事处");
    expect(await setUnitPairsAction({ roundId, unitId: donghu, direction: "RATES", counterpartIds: [nanan] })).toMatchObject({
      ok: false, code: "VALIDATION", message: "评价关系只能是街道（乡镇）评部门或部门评街道（乡镇）。",
    });
    expect(await setUnitPairsAction({ roundId, unitId: await unitId("示例市委编办"), direction: "RATES", counterpartIds: [] })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await changePairsAction({ roundId, op: "add", direction: "BOTH", districtId: donghu })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { districtId: "请选择一个区县" } });
  });

  it("goes back to every related pair; only 编办 and only before rating starts", async () => {
    const reset = await resetPairsAction({ roundId });
    const related = streets.length * (departments.length - 1) + streets.filter((s) => s.parentId === xishan).length;
    expect(reset).toMatchObject({ ok: true, data: { street: related, department: related } });
    expect(await prisma.evaluationSheet.count({ where: { roundId } })).toBe(streets.length + departments.length);

    const before = await count();
    for (const name of ["jiedao", "chengguan", "lingdao"]) {
      await actAs(name);
      expect(await changePairsAction({ roundId, op: "remove", direction: "BOTH" }), name).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await resetPairsAction({ roundId }), name).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await setUnitPairsAction({ roundId, unitId: local, direction: "RATES", counterpartIds: [] }), name).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    await actAs("bianban");
    const open = await prisma.evaluationRound.findFirstOrThrow({ where: { status: "OPEN" } });
    expect(await changePairsAction({ roundId: open.id, op: "remove", direction: "BOTH" })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await count()).toBe(before);
  });
});

describe("the dispatch indicator and comments in published results", () => {
  it("a unit without dispatched cases that year gets 不适用 with its weight shared out; a rated unit reads its comments without the rater's name", async () => {
    const year = 2033;
    const chengguan = await unitId("示例市城市管理综合执法局");
    const weijian = await unitId("示例市卫生健康委员会");
    const donghu = await unitId("东湖街道办事处");
    // One case of 城管局 in the round's year, accepted on time; none for 卫健委.
    await prisma.dispatch.create({
      data: {
        code: `PD${year}-T001`, direction: "UP", status: "ACCEPTED", streetId: donghu, departmentId: chengguan, title: "不适用测试", location: "x", description: "x",
        foundAt: new Date(`${year}-03-01T02:00:00Z`), reportedAt: new Date(`${year}-03-01T02:00:00Z`), acceptDueOn: new Date(`${year}-03-06T00:00:00Z`), acceptedAt: new Date(`${year}-03-02T02:00:00Z`), createdByName: "测试",
      },
    });
    await actAs("bianban");
    const created = await createEvaluationRoundAction({ year, title: `${year} 年度区街双向考评`, closesOn: inDays(10), trimmed: false });
    if (!created.ok) throw new Error(created.message);
    const roundId = created.data.id;
    const rated = await prisma.evaluationIndicator.findMany({ where: { roundId }, orderBy: { sortOrder: "asc" } });
    const saved = await saveIndicatorsAction({
      roundId,
      indicators: [
        ...rated.slice(0, 3).map((i) => ({ name: i.name, description: i.description, weight: 25, scaleMin: 0, scaleMax: 100, source: "RATED" as const })),
        { name: "双向派单按时办理率", description: "", weight: 25, scaleMin: 0, scaleMax: 100, source: "DISPATCH" as const },
      ],
    });
    expect(saved.ok).toBe(true);
    expect((await openEvaluationRoundAction({ roundId })).ok).toBe(true);

    const jiedao = (await actAs("jiedao"))!;
    const inds = await prisma.evaluationIndicator.findMany({ where: { roundId, source: "RATED" } });
    const pairs = await prisma.evaluationPair.findMany({ where: { roundId, raterUnitId: jiedao.unitId } });
    expect(pairs.map((p) => p.rateeUnitId)).toEqual(expect.arrayContaining([chengguan, weijian]));
    const submitted = await submitSheetAction({
      roundId,
      cells: pairs.flatMap((p) => inds.map((i) => ({ rateeUnitId: p.rateeUnitId, indicatorId: i.id, value: 80 }))),
      comments: [{ rateeUnitId: chengguan, comment: "响应及时，配合积极" }],
    });
    expect(submitted.ok).toBe(true);

    await actAs("bianban");
    expect((await closeEvaluationRoundAction({ roundId })).ok).toBe(true);
    expect((await publishEvaluationRoundAction({ roundId })).ok).toBe(true);

    type Ind = { name: string; applicable?: boolean; weight?: number; weighted: number };
    const resultOf = async (unit: number) => {
      const r = await prisma.evaluationResult.findUniqueOrThrow({ where: { roundId_unitId: { roundId, unitId: unit } } });
      return { total: Number(r.total), indicators: r.indicators as Ind[] };
    };
    // 城管局: 75 × 0.8 + 25 × 1 (on time).
    const cg = await resultOf(chengguan);
    expect(cg.total).toBe(85);
    expect(cg.indicators.find((i) => i.name === "双向派单按时办理率")).toMatchObject({ applicable: true, weight: 25 });
    // 卫健委 had no case: not full marks (85 before) but 不适用, the rated indicators count for 100.
    const wj = await resultOf(weijian);
    expect(wj.total).toBe(80);
    expect(wj.indicators.find((i) => i.name === "双向派单按时办理率")).toMatchObject({ applicable: false, weighted: 0 });
    expect(wj.indicators.filter((i) => i.applicable).map((i) => Math.round(i.weight! * 100) / 100)).toEqual([33.33, 33.33, 33.33]);

    // 城管局 reads what was written about it, and not who wrote it; 卫健委 reads none.
    const cgView = await resultsView((await actAs("chengguan"))!, roundId);
    expect(cgView!.scope).toBe("OWN");
    expect(cgView!.comments).toEqual(["响应及时，配合积极"]);
    expect(JSON.stringify(cgView)).not.toContain("东湖街道办事处");
  });
});
