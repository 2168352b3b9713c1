// The demo city's devolution round, run part-way so that every role has something to do:
// 南岸、北门、城关 finished with confirmed letters; 东湖 in progress (城管局 has items to answer and
// a disagreement open, 卫健委's letter waits for the street, 应急管理局's is confirmed); 清河 all
// agreed with one letter waiting for both sides; 团结 with an arbitrated disagreement and an open
// one; 凤凰 half answered; 茶山 not started. Claims of the general list likewise.
import type { Tx } from "../../lib/db/client";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { DevolutionDecision } from "../../lib/generated/prisma/enums";
import type { SessionUser } from "../../lib/auth/types";
import { writeAudit } from "../../lib/audit/write";
import { createLetter, openDevolutionRound } from "../../lib/devolution/commands";
import { today as chinaToday } from "../../lib/dates";
import { GENERAL_TITLE, GUIDANCE_TITLE } from "./catalogue";

export const DEMO_ROUND_TITLE = "示例市2026年街道（乡镇）赋权承接确认";
export const DEMO_DOCUMENT_PREFIX = "示例编赋";

const DAY = 86_400_000;

const STREETS = {
  donghu: "东湖街道办事处",
  nanan: "南岸街道办事处",
  beimen: "北门街道办事处",
  qinghe: "清河镇人民政府",
  chengguan: "城关镇人民政府",
  tuanjie: "团结镇人民政府",
  fenghuang: "凤凰街道办事处",
  chashan: "茶山镇人民政府",
} as const;

const DEPT = {
  cg: "示例市城市管理综合执法局",
  wj: "示例市卫生健康委员会",
  yj: "示例市应急管理局",
  sj: "示例市市场监督管理局",
  ny: "示例市农业农村局",
  zr: "示例市自然资源和规划局",
} as const;

// Who answers, by unit: the demo accounts where they exist, plausible staff elsewhere.
const STAFF = ["刘芳", "孙强", "周敏", "吴磊", "郑洁", "冯涛", "陈晨", "褚红", "卫东", "蒋丽", "沈阳", "韩梅", "朱峰", "秦雪", "许亮", "何静"];

const STREET_DUTY: Record<string, string> = {
  行政处罚: "负责辖区内该类违法行为的日常巡查、发现制止、立案调查、作出处罚决定并执行，按月向部门报送执法信息。",
  行政检查: "负责辖区内日常监督检查，建立检查台账，发现问题依法处理，超出权限的及时移送部门。",
  行政强制: "依法实施现场查封、扣押等强制措施，当日告知部门并做好后续处理衔接。",
};
const DEFAULT_STREET_DUTY = "负责受理、审核并依法办理，按规定公开办理结果，办理情况每季度报部门备案。";
const DEPARTMENT_DUTY = "负责制定标准规范、业务指导和培训，办理跨区域及重大复杂案件，对街道的办理情况进行监督。";
const DEFER_REASON = "该事项专业技术性强，需配备专门检测设备和持证人员，街道暂不具备承接条件，待条件成熟后再下放。";
const DECLINE_REASON = "该事项涉及专业测绘和跨区域统筹，街道无法有效承接，仍由部门行使。";

type Stage = "none" | "proposed" | "agreed" | "disputed";

export async function seedDevolution(tx: Tx, units: Map<string, number>, now = new Date()) {
  const unit = (name: string) => {
    const id = units.get(name);
    if (!id) throw new Error(`demo unit missing: ${name}`);
    return id;
  };
  // One transaction client runs one query at a time, so these are awaited in turn.
  const guidance = await tx.catalogueEdition.findFirstOrThrow({ where: { kind: "GUIDANCE", status: "ISSUED", title: GUIDANCE_TITLE }, select: { id: true } });
  const general = await tx.catalogueEdition.findFirstOrThrow({ where: { kind: "GENERAL", status: "ISSUED", title: GENERAL_TITLE }, select: { id: true } });
  const admin = await tx.user.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true, displayName: true } });
  const chengguan = await tx.user.findUnique({ where: { username: "chengguan" }, select: { id: true, displayName: true, unitId: true } });
  const jiedao = await tx.user.findUnique({ where: { username: "jiedao" }, select: { id: true, displayName: true, unitId: true } });

  const bianbanId = unit("示例市委编办");
  const adminUser: SessionUser = {
    id: admin.id, username: "admin", displayName: admin.displayName, roles: ["BIANBAN_ADMIN"], unitId: bianbanId, unitName: "示例市委编办",
    unitKind: "BIANBAN", unitParentId: null, jointMeetingMember: true, mustChangePassword: false,
  };
  const meta = { address: null, userAgent: "seed" };
  const ctx = { tx, user: adminUser, meta, audit: (e: Parameters<typeof writeAudit>[3]) => writeAudit(tx, adminUser, meta, e) };

  const streetIds = Object.values(STREETS).map(unit);
  const deadline = chinaToday(new Date(now.getTime() + 12 * DAY));
  const { id: roundId } = await openDevolutionRound(
    {
      title: DEMO_ROUND_TITLE,
      editionId: guidance.id,
      deadline,
      streetIds,
      documentPrefix: DEMO_DOCUMENT_PREFIX,
      note: "请各部门逐项提出承接意见并写明职责边界，各街道（乡镇）逐项确认；有异议的先充分沟通，仍不能一致的报市委编办裁决。",
    },
    ctx,
  );
  const round = await tx.devolutionRound.findUniqueOrThrow({ where: { id: roundId }, select: { id: true, title: true, editionId: true, documentPrefix: true } });

  const rows = await tx.devolution.findMany({
    where: { roundId },
    orderBy: [{ streetId: "asc" }, { position: "asc" }],
    select: { id: true, streetId: true, departmentId: true, position: true, item: { select: { powerType: { select: { name: true } }, domain: { select: { name: true } } } } },
  });

  // The outcome each department proposes for its items: a few 农业农村 items deferred (as 利川
  // deferred its specialised agricultural ones), one 自然资源 item declined in 北门.
  const nyItems = [...new Set(rows.filter((r) => r.item.domain?.name === "农业农村").map((r) => r.position))].sort((a, b) => a - b);
  const zrItems = [...new Set(rows.filter((r) => r.item.domain?.name === "自然资源").map((r) => r.position))].sort((a, b) => a - b);
  const deferred = new Set(nyItems.slice(0, 2));
  const proposalFor = (streetId: number, position: number): DevolutionDecision =>
    deferred.has(position) ? "DEFER" : streetId === unit(STREETS.beimen) && position === zrItems[0] ? "DECLINE" : "ACCEPT";

  const staffName = (unitId: number) => STAFF[unitId % STAFF.length];
  const actor = (unitId: number): { id: number | null; name: string } => {
    if (chengguan && unitId === chengguan.unitId) return { id: chengguan.id, name: chengguan.displayName };
    if (jiedao && unitId === jiedao.unitId) return { id: jiedao.id, name: jiedao.displayName };
    return { id: null, name: staffName(unitId) };
  };

  // Stage of each row: by street, then by department, then by the item's index within the pair.
  const stageOf = (streetId: number, departmentId: number, index: number, count: number): Stage => {
    if ([STREETS.nanan, STREETS.beimen, STREETS.chengguan, STREETS.qinghe].some((s) => unit(s) === streetId)) return "agreed";
    if (streetId === unit(STREETS.donghu)) {
      if (departmentId === unit(DEPT.cg)) return index < 6 ? "agreed" : index < 9 ? "proposed" : index === 9 ? "disputed" : "none";
      if (departmentId === unit(DEPT.wj) || departmentId === unit(DEPT.yj)) return "agreed";
      return index < Math.ceil(count / 2) ? "agreed" : "proposed";
    }
    if (streetId === unit(STREETS.tuanjie)) {
      if (departmentId === unit(DEPT.sj) && index === 0) return "disputed";
      return index % 2 === 0 ? "agreed" : "proposed";
    }
    if (streetId === unit(STREETS.fenghuang)) return index < count / 2 ? "proposed" : "none";
    return "none";
  };

  const pairIndex = new Map<string, number>();
  const pairCount = new Map<string, number>();
  for (const r of rows) pairCount.set(`${r.streetId}:${r.departmentId}`, (pairCount.get(`${r.streetId}:${r.departmentId}`) ?? 0) + 1);

  // Group identical updates so the seed stays a handful of statements.
  const updates = new Map<string, { data: Prisma.DevolutionUpdateManyMutationInput; ids: number[] }>();
  const disputed: { id: number; streetId: number; departmentId: number }[] = [];
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  for (const r of rows) {
    if (r.departmentId == null) continue;
    const key = `${r.streetId}:${r.departmentId}`;
    const index = pairIndex.get(key) ?? 0;
    pairIndex.set(key, index + 1);
    const stage = stageOf(r.streetId, r.departmentId, index, pairCount.get(key)!);
    if (stage === "none") continue;
    let proposal = proposalFor(r.streetId, r.position);
    if (stage === "disputed") proposal = "DEFER";
    const type = r.item.powerType?.name ?? "";
    const dept = actor(r.departmentId);
    const street = actor(r.streetId);
    const data: Prisma.DevolutionUpdateManyMutationInput = {
      proposal,
      reason: proposal === "DEFER" ? (stage === "disputed" ? "街道综合执法队尚未配齐持证执法人员，建议暂缓至明年承接。" : DEFER_REASON) : proposal === "DECLINE" ? DECLINE_REASON : null,
      streetDuty: proposal === "ACCEPT" ? (STREET_DUTY[type] ?? DEFAULT_STREET_DUTY) : null,
      departmentDuty: proposal === "ACCEPT" ? DEPARTMENT_DUTY : null,
      proposedAt: at(6),
      proposedById: dept.id,
      proposedByName: dept.name,
    };
    if (stage === "agreed") {
      Object.assign(data, { response: "AGREE", respondedAt: at(4), respondedById: street.id, respondedByName: street.name, decision: proposal, settled: true, settledAt: at(4) });
    }
    if (stage === "disputed") {
      Object.assign(data, {
        response: "DISAGREE",
        responseReason: "本街道综合执法队已有 6 名持证执法人员，并已完成业务培训，具备承接条件，请按承接办理。",
        respondedAt: at(3), respondedById: street.id, respondedByName: street.name,
      });
      disputed.push({ id: r.id, streetId: r.streetId, departmentId: r.departmentId });
    }
    const k = JSON.stringify(data);
    const group = updates.get(k) ?? { data, ids: [] };
    group.ids.push(r.id);
    updates.set(k, group);
  }
  for (const { data, ids } of updates.values()) await tx.devolution.updateMany({ where: { id: { in: ids } }, data });

  // The disagreements talk it over; 团结's is arbitrated by 编办, 东湖's stays open.
  for (const d of disputed) {
    const dept = actor(d.departmentId);
    const street = actor(d.streetId);
    const deptName = (await tx.orgUnit.findUniqueOrThrow({ where: { id: d.departmentId }, select: { name: true } })).name;
    const streetName = (await tx.orgUnit.findUniqueOrThrow({ where: { id: d.streetId }, select: { name: true } })).name;
    const comments = [
      { side: "STREET" as const, authorId: street.id, authorName: street.name, unitName: streetName, body: "我们的执法队员均已取得执法证，可以提供名单和培训记录。", createdAt: at(3) },
      { side: "DEPARTMENT" as const, authorId: dept.id, authorName: dept.name, unitName: deptName, body: "收到。该事项现场取证要求较高，请一并提供执法记录仪等装备配备情况。", createdAt: at(2) },
      { side: "STREET" as const, authorId: street.id, authorName: street.name, unitName: streetName, body: "装备已按标准配齐，清单已通过邮件发送，请查收。", createdAt: at(1) },
    ];
    await tx.devolutionComment.createMany({ data: comments.map((c) => ({ ...c, devolutionId: d.id })) });
    await tx.devolution.update({ where: { id: d.id }, data: { commentCount: comments.length } });
    if (d.streetId === unit(STREETS.tuanjie)) {
      await tx.devolution.update({
        where: { id: d.id },
        data: {
          arbitratedDecision: "ACCEPT", arbitrationNote: "经核实，团结镇综合执法队人员和装备已达到承接条件，裁决由街道承接，部门加强业务指导。",
          arbitratedAt: at(1), arbitratedById: admin.id, arbitratedByName: admin.displayName,
          decision: "ACCEPT", settled: true, settledAt: at(1), streetDuty: DEFAULT_STREET_DUTY, departmentDuty: DEPARTMENT_DUTY,
        },
      });
    }
  }

  // Letters: every pair of the finished streets and 东湖's 卫健委 and 应急管理局 (confirmed by both,
  // except 卫健委's, which waits for the street); 清河's 城管局 letter waits for both.
  const letterPairs: { streetId: number; departmentId: number; confirm: "both" | "department" | "none" }[] = [];
  const departmentsOf = (streetId: number) => [...new Set(rows.filter((r) => r.streetId === streetId && r.departmentId != null).map((r) => r.departmentId!))];
  for (const s of [STREETS.nanan, STREETS.beimen, STREETS.chengguan]) {
    for (const departmentId of departmentsOf(unit(s))) letterPairs.push({ streetId: unit(s), departmentId, confirm: "both" });
  }
  letterPairs.push({ streetId: unit(STREETS.donghu), departmentId: unit(DEPT.yj), confirm: "both" });
  letterPairs.push({ streetId: unit(STREETS.donghu), departmentId: unit(DEPT.wj), confirm: "department" });
  letterPairs.push({ streetId: unit(STREETS.qinghe), departmentId: unit(DEPT.cg), confirm: "none" });
  for (const p of letterPairs) {
    const letter = await createLetter(tx, round, p, actor(p.departmentId), chinaToday(at(2)));
    if (p.confirm === "none") continue;
    const dept = actor(p.departmentId);
    const street = actor(p.streetId);
    const both = p.confirm === "both";
    await tx.confirmationLetter.update({
      where: { id: letter.id },
      data: {
        departmentConfirmedAt: at(1.5), departmentConfirmedById: dept.id, departmentConfirmedBy: dept.name,
        ...(both ? { streetConfirmedAt: at(1), streetConfirmedById: street.id, streetConfirmedBy: street.name, status: "CONFIRMED" } : {}),
      },
    });
    if (both) await tx.devolution.updateMany({ where: { letterId: letter.id }, data: { lockedAt: at(1) } });
  }

  // Claims of the general list: most streets all of it; 东湖 most; 团结 gave one back; 茶山 none yet.
  const generalItems = await tx.catalogueItem.findMany({ where: { editionId: general.id }, orderBy: { position: "asc" }, select: { id: true } });
  const claims: Prisma.ClaimCreateManyInput[] = [];
  for (const s of Object.values(STREETS)) {
    if (s === STREETS.chashan) continue;
    const streetId = unit(s);
    const take = s === STREETS.donghu ? generalItems.length - 5 : generalItems.length;
    const by = actor(streetId);
    generalItems.slice(0, take).forEach((item, i) => {
      const unclaimed = s === STREETS.tuanjie && i === take - 1;
      claims.push({
        streetId, editionId: general.id, itemId: item.id, claimedAt: at(8), claimedById: by.id, claimedByName: by.name,
        ...(unclaimed ? { active: false, unclaimedAt: at(5), unclaimedByName: by.name, unclaimReason: "本镇无该类设施，该事项由县级部门统一办理。" } : {}),
      });
    });
  }
  await tx.claim.createMany({ data: claims });

  await writeAudit(tx, null, meta, {
    action: "system.seed.devolution",
    subjectType: "devolution_round",
    subjectId: roundId,
    after: { rows: rows.length, letters: letterPairs.length, claims: claims.length },
  });
  return { roundId };
}
