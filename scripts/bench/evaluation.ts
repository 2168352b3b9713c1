import { computeResults, flaggedRaters, raterForm } from "../../lib/evaluation/queries/results";
import { ms, percentile, timeRuns, type BenchSuite } from "./types";

// 1,300 streets × 50 departments × 4 indicators in both directions: 520,000 scores, made with
// set-based SQL. Figures: the whole aggregation (results, trimmed means, ranks, flagged raters)
// and the server time of a rater's form (a department rating 1,300 streets, a street rating 50).
export const evaluationBench: BenchSuite = {
  name: "evaluation",
  async run({ prisma }) {
    const city = await prisma.orgUnit.create({ data: { name: "考评基准市", kind: "CITY" } });
    await prisma.$executeRawUnsafe(`
      INSERT INTO org_unit (name, kind, parent_id, sort_order, updated_at)
      SELECT '基准街道' || g, 'STREET', ${city.id}, g, now() FROM generate_series(1, 1300) g`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO org_unit (name, kind, parent_id, sort_order, updated_at)
      SELECT '基准部门' || g, 'DEPARTMENT', ${city.id}, g, now() FROM generate_series(1, 50) g`);
    const round = await prisma.evaluationRound.create({ data: { year: 2026, title: "基准考评", status: "CLOSED", closesOn: new Date("2026-12-31"), trimmed: true, createdByName: "基准" } });
    await prisma.evaluationIndicator.createMany({
      data: ["厘清区街职责边界", "街道吹哨部门报到", "派驻机构管理", "区街联动配合"].map((name, i) => ({ roundId: round.id, name, description: "", weight: 25, sortOrder: i + 1 })),
    });
    await prisma.$executeRawUnsafe(`
      INSERT INTO evaluation_pair (round_id, rater_unit_id, ratee_unit_id, side)
      SELECT ${round.id}, s.id, d.id, 'STREET'::"EvaluationSide" FROM org_unit s CROSS JOIN org_unit d
      WHERE s.parent_id = ${city.id} AND s.kind = 'STREET' AND d.parent_id = ${city.id} AND d.kind = 'DEPARTMENT'
      UNION ALL
      SELECT ${round.id}, d.id, s.id, 'DEPARTMENT'::"EvaluationSide" FROM org_unit s CROSS JOIN org_unit d
      WHERE s.parent_id = ${city.id} AND s.kind = 'STREET' AND d.parent_id = ${city.id} AND d.kind = 'DEPARTMENT'`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO evaluation_sheet (round_id, rater_unit_id, side, status, updated_at)
      SELECT DISTINCT ${round.id}, rater_unit_id, side, 'SUBMITTED'::"EvaluationSheetStatus", now() FROM evaluation_pair WHERE round_id = ${round.id}`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO evaluation_score (round_id, rater_unit_id, ratee_unit_id, indicator_id, value)
      SELECT p.round_id, p.rater_unit_id, p.ratee_unit_id, i.id, 55 + ((p.rater_unit_id * 31 + p.ratee_unit_id * 17 + i.id * 7) % 46)
      FROM evaluation_pair p JOIN evaluation_indicator i ON i.round_id = p.round_id WHERE p.round_id = ${round.id}`);
    await prisma.$executeRawUnsafe(`ANALYZE evaluation_score`);
    await prisma.$executeRawUnsafe(`ANALYZE evaluation_pair`);
    await prisma.$executeRawUnsafe(`ANALYZE evaluation_sheet`);
    const scores = await prisma.evaluationScore.count({ where: { roundId: round.id } });

    let units = 0;
    const aggregate = await timeRuns(async () => {
      const [{ results }, flagged] = await Promise.all([computeResults(prisma, round.id), flaggedRaters(prisma, round.id)]);
      units = results.length;
      void flagged;
    }, 5, 1);
    const dept = await prisma.orgUnit.findFirstOrThrow({ where: { parentId: city.id, kind: "DEPARTMENT" } });
    const street = await prisma.orgUnit.findFirstOrThrow({ where: { parentId: city.id, kind: "STREET" } });
    const deptForm = await timeRuns(() => raterForm(prisma, round.id, dept.id), 20, 3);
    const streetForm = await timeRuns(() => raterForm(prisma, round.id, street.id), 20, 3);
    return [
      { name: `scores generated`, value: String(scores), target: "≈ 520,000" },
      { name: `aggregation of ${units} units, median`, value: ms(percentile(aggregate, 50)), target: "< 2 s" },
      { name: "rater form: department × 1,300 streets, p95", value: ms(percentile(deptForm, 95)), target: "< 100 ms" },
      { name: "rater form: street × 50 departments, p95", value: ms(percentile(streetForm, 95)), target: "< 100 ms" },
    ];
  },
};
