import { beforeAll, describe, expect, it } from "vitest";
import { openDevolutionRoundAction } from "@/lib/devolution/actions";
import { roundDashboard } from "@/lib/devolution/queries/readers";
import { rowState } from "@/lib/devolution/state";
import { countRows, withRates } from "@/lib/devolution/rates";
import { actAs, prisma, unitId } from "./helpers";
import { ownerSql } from "./database";

// Opening a round writes every street x item in one statement, and the references of those rows
// are checked by set-based triggers rather than per-row foreign keys: both are checked here.

let roundId: number;
let streets: number[];
let items: { id: number; position: number; departmentId: number | null; powerTypeId: number | null; domainId: number | null }[];
let yj: number;

beforeAll(async () => {
  // The demo round holds the demo streets for this edition: the new round gets three new ones.
  const district = await unitId("东湖区");
  streets = [];
  for (const name of ["新城街道办事处", "新港街道办事处", "新桥镇人民政府"]) {
    streets.push((await prisma.orgUnit.create({ data: { name, kind: name.endsWith("政府") ? "TOWNSHIP" : "STREET", parentId: district } })).id);
  }
  // A department that has stopped work: its items go to no one until 编办 assigns them.
  yj = await unitId("示例市应急管理局");
  await prisma.orgUnit.update({ where: { id: yj }, data: { active: false } });
  const edition = await prisma.catalogueEdition.findFirstOrThrow({ where: { kind: "GUIDANCE", status: "ISSUED", areaUnitId: null } });
  items = await prisma.catalogueItem.findMany({
    where: { editionId: edition.id },
    select: { id: true, position: true, departmentId: true, powerTypeId: true, domainId: true },
  });
  await actAs("admin");
  const opened = await openDevolutionRoundAction({ title: "新设街道承接确认", editionId: edition.id, deadline: "2099-12-31", streetIds: streets, documentPrefix: "示例编赋" });
  if (!opened.ok) throw new Error(opened.message);
  roundId = opened.data.id;
  const yjItems = items.filter((i) => i.departmentId === yj).length;
  expect(yjItems).toBeGreaterThan(0);
  expect(opened.data).toEqual({ id: roundId, rows: streets.length * items.length, unassigned: yjItems });
});

describe("opening a round", () => {
  it("creates one row per street x item, with the item's department, copied fields and nothing answered", async () => {
    const rows = await prisma.devolution.findMany({ where: { roundId } });
    expect(rows).toHaveLength(streets.length * items.length);
    const keys = new Set(rows.map((r) => `${r.streetId}:${r.itemId}`));
    expect(keys.size).toBe(rows.length);
    for (const s of streets) for (const i of items) expect(keys.has(`${s}:${i.id}`)).toBe(true);

    const byId = new Map(items.map((i) => [i.id, i]));
    const assignments = new Map((await prisma.devolutionAssignment.findMany({ where: { roundId } })).map((a) => [a.itemId, a.departmentId]));
    for (const r of rows) {
      const item = byId.get(r.itemId)!;
      const department = item.departmentId === yj ? null : item.departmentId;
      expect(assignments.get(r.itemId)).toBe(department);
      expect(r).toMatchObject({
        departmentId: department,
        position: item.position,
        powerTypeId: item.powerTypeId,
        domainId: item.domainId,
        proposal: null, reason: null, streetDuty: null, departmentDuty: null, proposedAt: null,
        response: null, responseReason: null, respondedAt: null,
        arbitratedDecision: null, arbitratedAt: null,
        decision: null, settled: false, settledAt: null, letterId: null, lockedAt: null, commentCount: 0,
      });
      expect(rowState(r)).toBe(department == null ? "UNASSIGNED" : "AWAITING_PROPOSAL");
    }
  });

  it("generates exactly the rows it did when they were sent from Node: street by street, items in list order", async () => {
    // What the command built in JavaScript before the rows were generated in SQL: for each street
    // (in id order), each item (by position, then id), the item's department unless it stopped.
    const ordered = [...streets].sort((a, b) => a - b);
    const byPosition = [...items].sort((a, b) => a.position - b.position || a.id - b.id);
    const expected = ordered.flatMap((streetId) =>
      byPosition.map((i) => [roundId, streetId, i.id, i.departmentId === yj ? null : i.departmentId, i.position, i.powerTypeId, i.domainId]),
    );
    const rows = await prisma.devolution.findMany({ where: { roundId }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.roundId, r.streetId, r.itemId, r.departmentId, r.position, r.powerTypeId, r.domainId])).toEqual(expected);
  });

  it("counts the new rows in the dashboard tallies and writes one audit entry", async () => {
    const unassigned = items.filter((i) => i.departmentId === yj).length * streets.length;
    const d = await roundDashboard(prisma, roundId);
    expect(d.overall).toMatchObject({ total: streets.length * items.length, unassigned, awaitingProposal: streets.length * items.length - unassigned, settled: 0 });
    expect(d.streets.map((s) => s.streetId).sort()).toEqual([...streets].sort());
    const audits = await prisma.auditLog.findMany({ where: { action: "devolution.round.open", subjectId: String(roundId) } });
    expect(audits).toHaveLength(1);
    expect(audits[0].after).toMatchObject({ streetIds: streets, items: items.length, rows: streets.length * items.length, unassigned: unassigned / streets.length });
  });
});

describe("the references of devolution rows", () => {
  it("refuses a row whose street or item is not in its round, or whose department does not exist", async () => {
    const other = await unitId("东湖街道办事处");
    const item = items[0].id;
    const insert = (street: number, itemId: number) =>
      prisma.$executeRawUnsafe(
        `INSERT INTO devolution (round_id, street_id, item_id, position, updated_at) VALUES ($1, $2, $3, 1, now())`,
        roundId, street, itemId,
      );
    await expect(insert(other, item)).rejects.toThrow(/street \d+ is not in round/);
    const outside = await prisma.catalogueItem.findFirstOrThrow({ where: { editionId: { not: (await prisma.devolutionRound.findUniqueOrThrow({ where: { id: roundId } })).editionId } }, select: { id: true } });
    await expect(insert(streets[0], outside.id)).rejects.toThrow(/item \d+ is not in round/);
    const row = await prisma.devolution.findFirstOrThrow({ where: { roundId, departmentId: { not: null } } });
    await expect(prisma.$executeRawUnsafe(`UPDATE devolution SET department_id = 987654 WHERE id = $1`, row.id)).rejects.toThrow(/department 987654 does not exist/);
    // Through Prisma it is the foreign-key failure it was before.
    await expect(prisma.devolution.update({ where: { id: row.id }, data: { departmentId: 987654 } })).rejects.toMatchObject({ code: "P2003" });
    expect((await prisma.devolution.findUniqueOrThrow({ where: { id: row.id } })).departmentId).toBe(row.departmentId);
  });

  it("refuses a letter that does not exist, and keeps letters while rows point at them", async () => {
    const row = await prisma.devolution.findFirstOrThrow({ where: { roundId, letterId: null } });
    await expect(prisma.$executeRawUnsafe(`UPDATE devolution SET letter_id = 987654 WHERE id = $1`, row.id)).rejects.toThrow(/letter 987654 does not exist/);
    await expect(prisma.devolution.update({ where: { id: row.id }, data: { letterId: 987654 } })).rejects.toMatchObject({ code: "P2003" });
    expect((await prisma.devolution.findUniqueOrThrow({ where: { id: row.id } })).letterId).toBeNull();
    // The demo round has letters its rows point at: TRUNCATE (only the owner may) is refused.
    expect(await prisma.devolution.count({ where: { letterId: { not: null } } })).toBeGreaterThan(0);
    await expect(ownerSql(`TRUNCATE confirmation_letter`)).rejects.toThrow(/TRUNCATE refused/);
  });

  it("keeps a round's streets and items, the round itself and the units while rows point at them", async () => {
    const row = await prisma.devolution.findFirstOrThrow({ where: { roundId, departmentId: { not: null } } });
    const refused = (sql: string, ...values: number[]) => expect(prisma.$executeRawUnsafe(sql, ...values)).rejects.toThrow(/referenced by devolution rows/);
    await refused(`DELETE FROM devolution_round_street WHERE round_id = $1 AND street_id = $2`, roundId, row.streetId);
    await refused(`UPDATE devolution_round_street SET street_id = $3 WHERE round_id = $1 AND street_id = $2`, roundId, row.streetId, yj);
    await refused(`DELETE FROM devolution_assignment WHERE round_id = $1 AND item_id = $2`, roundId, row.itemId);
    await refused(`DELETE FROM devolution_round WHERE id = $1`, roundId);
    await refused(`DELETE FROM org_unit WHERE id = $1`, row.departmentId!);
    await refused(`DELETE FROM org_unit WHERE id = $1`, row.streetId);
    await expect(prisma.devolutionRound.delete({ where: { id: roundId } })).rejects.toMatchObject({ code: "P2003" });
    expect(await prisma.devolution.count({ where: { roundId } })).toBe(streets.length * items.length);
  });
});

describe("the street tallies of a round of many streets", () => {
  it("match a count of the rows by hand after the open and after a statement over all the streets", async () => {
    // Over 200 streets the tally trigger sums the round's pair rows at once instead of street by street.
    const district = await unitId("西山县");
    await prisma.orgUnit.createMany({ data: Array.from({ length: 205 }, (_, i) => ({ name: `多街道测试镇${i + 1}`, kind: "TOWNSHIP" as const, parentId: district })) });
    const many = (await prisma.orgUnit.findMany({ where: { name: { startsWith: "多街道测试镇" } }, select: { id: true } })).map((u) => u.id);
    const edition = await prisma.catalogueEdition.findFirstOrThrow({ where: { kind: "GUIDANCE", status: "ISSUED" } });
    await actAs("admin");
    const opened = await openDevolutionRoundAction({ title: "多街道承接确认", editionId: edition.id, deadline: "2099-12-31", streetIds: many, documentPrefix: "示例编赋" });
    if (!opened.ok) throw new Error(opened.message);
    const id = opened.data.id;
    const check = async () => {
      const d = await roundDashboard(prisma, id);
      const all = await prisma.devolution.findMany({ where: { roundId: id } });
      expect(d.streets).toHaveLength(many.length);
      expect(d.overall).toMatchObject(withRates(countRows(all)));
      for (const st of d.streets) {
        const mine = all.filter((r) => r.streetId === st.streetId);
        const departments = new Set(mine.filter((r) => r.departmentId != null).map((r) => r.departmentId));
        const settled = [...departments].filter((dep) => mine.every((r) => r.departmentId !== dep || r.settled)).length;
        expect({ ...st }, st.name).toMatchObject({ ...withRates(countRows(mine)), pairs: departments.size, settledPairs: settled });
      }
    };
    await check();
    // One department proposes its first item in every street; the streets agree to half of them.
    const first = await prisma.devolution.findFirstOrThrow({ where: { roundId: id, departmentId: { not: null } }, orderBy: { id: "asc" } });
    await prisma.$executeRawUnsafe(`UPDATE devolution SET proposal = 'ACCEPT', proposed_at = now() WHERE round_id = $1 AND department_id = $2`, id, first.departmentId);
    await prisma.$executeRawUnsafe(
      `UPDATE devolution SET response = 'AGREE', responded_at = now(), decision = proposal, settled = true, settled_at = now()
       WHERE round_id = $1 AND department_id = $2 AND street_id % 2 = 0`, id, first.departmentId);
    await check();
  });
});
