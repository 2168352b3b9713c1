// The demo city's 双向考评 and 双向派单: a finished 2025 round with published results (trimmed
// mean; 茶山镇 gave every department full marks and is flagged), an open 2026 round in which
// 东湖街道 and 城管局 still have to rate, and dispatched cases in every state, some overdue.
// Made through the app's own commands so deadlines and audit rows are real.
import type { Tx } from "../../lib/db/client";
import type { OrgKind, Role } from "../../lib/generated/prisma/enums";
import type { SessionUser } from "../../lib/auth/types";
import type { CommandContext } from "../../lib/action";
import { seedContext } from "./context";
import { dbDate, toDay } from "../../lib/calendar/workdays";
import * as ev from "../../lib/evaluation/commands";
import { participants } from "../../lib/evaluation/queries/participants";
import * as dispatch from "../../lib/dispatch/commands";
import { DEFAULT_INDICATORS } from "../../lib/evaluation/schema";

/** A deterministic score in 60..98 for a rater × ratee × indicator. */
function score(rater: number, ratee: number, ind: number) {
  return 60 + ((rater * 37 + ratee * 17 + ind * 11) % 39);
}

export async function seedEvaluation(tx: Tx, byName: Map<string, number>) {
  const unit = (name: string) => {
    const id = byName.get(name);
    if (!id) throw new Error(`demo unit missing: ${name}`);
    return id;
  };
  const unitRows = await tx.orgUnit.findMany({ select: { id: true, name: true, kind: true, parentId: true, jointMeetingMember: true } });
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const accounts = await tx.user.findMany({ select: { id: true, username: true, displayName: true, unitId: true, roles: true } });
  const as = (unitName: string, role: Role): CommandContext => {
    const u = unitById.get(unit(unitName))!;
    const account = accounts.find((a) => a.unitId === u.id && a.roles.includes(role));
    const user: SessionUser = {
      id: account?.id ?? 0,
      username: account?.username ?? "seed",
      displayName: account?.displayName ?? "演示人员",
      roles: [role],
      unitId: u.id,
      unitName: u.name,
      unitKind: u.kind as OrgKind,
      unitParentId: u.parentId,
      jointMeetingMember: u.jointMeetingMember,
      mustChangePassword: false,
    };
    return seedContext(tx, user);
  };
  const bianban = as("示例市委编办", "BIANBAN_STAFF");
  const { streets, departments } = await participants(tx);

  // 2025: finished and published. Set up directly (its dates are in the past), scored with
  // set-based SQL, then closed and published through the commands.
  const past = await tx.evaluationRound.create({
    data: { year: 2025, title: "2025 年度区街双向考评", status: "OPEN", closesOn: dbDate("2025-12-19"), trimmed: true, createdByName: bianban.user.displayName, openedAt: new Date("2025-12-01T09:00:00+08:00") },
  });
  await tx.evaluationIndicator.createMany({ data: DEFAULT_INDICATORS.map((d, i) => ({ ...d, roundId: past.id, sortOrder: i + 1 })) });
  const pairs = [
    ...streets.flatMap((s) => departments.map((d) => ({ roundId: past.id, raterUnitId: s.id, rateeUnitId: d.id, side: "STREET" as const }))),
    ...departments.flatMap((d) => streets.map((s) => ({ roundId: past.id, raterUnitId: d.id, rateeUnitId: s.id, side: "DEPARTMENT" as const }))),
  ];
  await tx.evaluationPair.createMany({ data: pairs });
  const chashan = unit("茶山镇人民政府");
  await tx.$executeRaw`
    INSERT INTO evaluation_score (round_id, rater_unit_id, ratee_unit_id, indicator_id, value)
    SELECT p.round_id, p.rater_unit_id, p.ratee_unit_id, i.id,
           CASE WHEN p.rater_unit_id = ${chashan} THEN 100 ELSE 60 + ((p.rater_unit_id * 37 + p.ratee_unit_id * 17 + i.sort_order * 11) % 39) END
    FROM evaluation_pair p JOIN evaluation_indicator i ON i.round_id = p.round_id
    WHERE p.round_id = ${past.id}`;
  await tx.$executeRaw`
    INSERT INTO evaluation_sheet (round_id, rater_unit_id, side, status, submitted_at, submitted_by_name, updated_at)
    SELECT DISTINCT ${past.id}::int, rater_unit_id, side, 'SUBMITTED'::"EvaluationSheetStatus", '2025-12-18T10:00:00+08:00'::timestamptz, '演示人员', now()
    FROM evaluation_pair WHERE round_id = ${past.id}`;
  await tx.evaluationPair.updateMany({ where: { roundId: past.id, rateeUnitId: unit("示例市城市管理综合执法局") }, data: { comment: "违建治理响应及时，联合执法配合到位。" } });
  await ev.closeEvaluationRound({ roundId: past.id }, bianban);
  await ev.publishEvaluationRound({ roundId: past.id }, bianban);

  // 2026: open, deadline in three weeks; most units have rated, 东湖街道 and 城管局 have not.
  const closesOn = toDay(new Date(Date.now() + 21 * 86_400_000));
  const { id: openId } = await ev.createEvaluationRound({ year: 2026, title: "2026 年度区街双向考评", closesOn, trimmed: true }, bianban);
  await ev.openEvaluationRound({ roundId: openId }, bianban);
  const dongHu = unit("东湖街道办事处");
  const chengguan = unit("示例市城市管理综合执法局");
  const raters = [...streets.map((s) => ({ ...s, role: "STREET" as Role })), ...departments.map((d) => ({ ...d, role: "DEPARTMENT" as Role }))].filter(
    (r) => r.id !== dongHu && r.id !== chengguan,
  );
  const indicators = await tx.evaluationIndicator.findMany({ where: { roundId: openId }, orderBy: { sortOrder: "asc" } });
  let i = 0;
  for (const r of raters) {
    const ratees = r.role === "STREET" ? departments : streets;
    const cells = ratees.flatMap((t) => indicators.map((ind) => ({ rateeUnitId: t.id, indicatorId: ind.id, value: score(r.id, t.id, ind.sortOrder + 3) })));
    const ctx = as(r.name, r.role);
    // Two in three have submitted; the rest saved a draft of their first counterparts.
    if (i++ % 3 === 2) await ev.saveScores({ roundId: openId, cells: cells.slice(0, indicators.length * 2), comments: [] }, ctx);
    else await ev.submitSheet({ roundId: openId, cells, comments: [] }, ctx);
  }
  await ev.remind({ roundId: openId, raterUnitIds: [chengguan] }, bianban);

  // 双向派单: cases in every state; times are set in the past through the commands' `now`.
  const street = as("东湖街道办事处", "STREET");
  const cg = as("示例市城市管理综合执法局", "DEPARTMENT");
  const yj = as("示例市应急管理局", "DEPARTMENT");
  const duties = await tx.localDuty.findMany({ where: { unitId: dongHu, active: true }, select: { id: true, name: true, departmentId: true } });
  const duty = (name: string) => duties.find((d) => d.name === name)?.id;
  const daysAgo = (n: number, hour = 10) => {
    const d = new Date(Date.now() - n * 86_400_000);
    return new Date(`${toDay(d)}T${String(hour).padStart(2, "0")}:00:00+08:00`);
  };
  const local = (d: Date) => new Date(d.getTime());
  const report = async (title: string, dept: number, ago: number, late = false, dutyName?: string) =>
    dispatch.reportCase(
      { departmentId: dept, localDutyId: dutyName ? duty(dutyName) : undefined, title, location: "东湖街道桂花社区", foundAt: local(daysAgo(ago + (late ? 2 : 0), 8)), description: `${title}，现场已拍照取证，请部门接收处置。`, files: [] },
      street,
      daysAgo(ago),
    );
  const yingji = unit("示例市应急管理局");
  const overdueReport = await report("桂花路 12 号违法搭建彩钢棚", chengguan, 14, false, "违法建设治理");
  void overdueReport;
  await report("荷塘小区燃气管道私接", yingji, 0, true, "燃气安全隐患排查");
  const accepted = await report("滨江路占道经营屡劝不改", chengguan, 12);
  await dispatch.acceptCase({ id: accepted.id, note: "已安排中队核查。" }, cg, daysAgo(2));
  const handled = await report("文昌巷建筑垃圾乱堆", chengguan, 20);
  await dispatch.acceptCase({ id: handled.id, note: "" }, cg, daysAgo(19));
  await dispatch.handleCase({ id: handled.id, result: "已责令清运，现场恢复整洁，罚款 2000 元。" }, cg, daysAgo(16));

  const forward = (title: string, ago: number, from = cg) =>
    dispatch.forwardCase({ streetId: dongHu, title, location: "东湖街道", description: `12345 热线转来：${title}。`, replyWorkdays: 5, files: [] }, from, daysAgo(ago));
  await forward("居民投诉夜间施工噪声扰民", 15);
  await forward("小区楼道堆放杂物影响消防通道", 1, yj);
  const replied = await forward("背街小巷路灯损坏", 10);
  await dispatch.replyCase({ id: replied.id, result: "已联系照明所更换灯具，居民表示满意。" }, street, daysAgo(8));
  const escalated = await forward("沿街商铺油烟直排", 12);
  await dispatch.escalateCase({ id: escalated.id, reason: "涉及餐饮油烟处罚，街道无执法权，需部门处置。" }, street, daysAgo(9));
}
