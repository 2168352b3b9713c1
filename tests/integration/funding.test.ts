import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { disburseAction } from "@/lib/funding/actions";
import { fundingLedger, summariseLedger } from "@/lib/funding/queries";
import { fundingWorkbook } from "@/lib/funding/export";
import { today as todayInChina } from "@/lib/dates";
import { actAs, prisma } from "./helpers";


const today = todayInChina();
const year = Number(today.slice(0, 4));

/** The seeded 高龄津贴 admission, handed to every community: one duty, several units. */
async function gaoling() {
  const rows = (await fundingLedger(year)).filter((r) => r.dutyName.includes("高龄津贴"));
  expect(rows.length).toBeGreaterThan(1);
  return rows;
}

describe("费随事转 as a ledger", () => {
  it("plans each duty per unit in fen, and counts a department's duties once with its units separately", async () => {
    const rows = await gaoling();
    expect(new Set(rows.map((r) => r.admissionId)).size).toBe(1);
    for (const r of rows) expect(r).toMatchObject({ annualFen: 3_500_000, plannedFen: 3_500_000, paidFen: 0, status: "UNPAID", proRata: false });
    const ledger = await fundingLedger(year);
    const mz = summariseLedger(ledger).departments.find((d) => d.name === "示例市民政局")!;
    const mine = ledger.filter((r) => r.departmentName === "示例市民政局");
    expect(mz.duties).toBe(new Set(mine.map((r) => r.admissionId)).size);
    expect(mz.units).toBe(new Set(mine.map((r) => r.unitId)).size);
    expect(mz.duties).toBeLessThan(mine.length);
  });

  it("records disbursements with date, amount and 文号: 部分拨付, then 已拨付; never more than planned; only 编办", async () => {
    const [row] = await gaoling();
    const input = { localDutyId: row.dutyId, year, paidOn: today, documentNumber: "示财行〔2026〕15号" };

    for (const name of ["jiedao", "shequ", "chengguan", "lingdao"]) {
      await actAs(name);
      expect(await disburseAction({ ...input, amount: "100" }), name).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    await actAs("bianban");
    expect(await disburseAction({ ...input, amount: "1.234" })).toMatchObject({ ok: false, fieldErrors: { amount: expect.stringContaining("两位小数") } });
    expect(await disburseAction({ ...input, amount: "100", documentNumber: "" })).toMatchObject({ ok: false, fieldErrors: { documentNumber: expect.any(String) } });
    expect(await disburseAction({ ...input, amount: "100", paidOn: `${year + 1}-01-01` })).toMatchObject({ ok: false, fieldErrors: { paidOn: expect.any(String) } });
    expect(await disburseAction({ ...input, amount: "-10" })).toMatchObject({ ok: false, fieldErrors: { note: expect.any(String) } });
    expect(await prisma.fundingDisbursement.count({ where: { localDutyId: row.dutyId } })).toBe(0);

    // 0.1 + 0.2 in floats is not 0.3; in fen it is.
    expect(await disburseAction({ ...input, amount: "12000.10" })).toMatchObject({ ok: true, data: { status: "PARTLY_PAID", paidFen: 1_200_010 } });
    expect(await disburseAction({ ...input, amount: "0.20" })).toMatchObject({ ok: true, data: { paidFen: 1_200_030 } });
    const over = await disburseAction({ ...input, amount: "30000" });
    expect(over).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { amount: expect.stringContaining("最多还可拨付 ¥22,999.70") } });
    expect(await disburseAction({ ...input, amount: "22999.70" })).toMatchObject({ ok: true, data: { status: "PAID", paidFen: 3_500_000 } });

    const after = (await fundingLedger(year)).find((r) => r.dutyId === row.dutyId)!;
    expect(after).toMatchObject({ paidFen: 3_500_000, status: "PAID" });
    const entries = await prisma.fundingDisbursement.findMany({ where: { localDutyId: row.dutyId }, orderBy: { id: "asc" } });
    expect(entries.map((e) => Number(e.amountFen))).toEqual([1_200_010, 20, 2_299_970]);
    expect(entries[0]).toMatchObject({ documentNumber: "示财行〔2026〕15号", recordedByName: "李秀英" });
    expect(await prisma.auditLog.count({ where: { action: "funding.disburse" } })).toBe(3);

    // The ledger is append-only for the app's role: an entry is never edited or deleted...
    await expect(prisma.fundingDisbursement.update({ where: { id: entries[0].id }, data: { amountFen: 1n } })).rejects.toThrow(/permission denied/);
    await expect(prisma.fundingDisbursement.delete({ where: { id: entries[0].id } })).rejects.toThrow(/permission denied/);
    // ...a correction is a negative entry with its reason.
    expect(await disburseAction({ ...input, amount: "-0.20", note: "重复登记冲正" })).toMatchObject({ ok: true, data: { status: "PARTLY_PAID", paidFen: 3_499_980 } });
  });

  it("pro-rates the plan of a duty revoked during the year, and marks it", async () => {
    const [, row] = await gaoling();
    // Revoked on 1 July: in force from 1 January to 30 June.
    const revokedOn = `${year}-07-01`;
    await prisma.localDuty.update({ where: { id: row.dutyId }, data: { active: false, revokedOn: new Date(`${revokedOn}T00:00:00Z`), revokedReason: "年度评议撤销" } });
    const days = (Date.UTC(year, 6, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
    const total = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
    const r = (await fundingLedger(year)).find((x) => x.dutyId === row.dutyId)!;
    expect(r).toMatchObject({ proRata: true, revokedOn, plannedFen: Math.round((3_500_000 * days) / total) });
    await actAs("bianban");
    const over = await disburseAction({ localDutyId: row.dutyId, year, paidOn: today, amount: "35000", documentNumber: "示财行〔2026〕16号" });
    expect(over).toMatchObject({ ok: false, fieldErrors: { amount: expect.stringContaining("撤销后折算") } });
    // The next year it is no longer in the list: nothing planned, nothing to pay.
    expect((await fundingLedger(year + 1)).some((x) => x.dutyId === row.dutyId)).toBe(false);
  });

  it("exports 按部门 with duties counted once and units in their own column, and no nested brackets", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fundingWorkbook(year)) as unknown as ArrayBuffer);
    const depts = wb.getWorksheet("按部门")!;
    expect(depts.getRow(1).values).toEqual([undefined, "部门", "准入事项数", "承接单位数", "计划经费（元）", "已拨付（元）", "拨付状态"]);
    const mz = depts.getRows(2, depts.rowCount - 1)!.find((r) => r.getCell(1).value === "示例市民政局")!;
    const ledger = (await fundingLedger(year)).filter((r) => r.departmentName === "示例市民政局");
    expect(mz.getCell(2).value).toBe(new Set(ledger.map((r) => r.admissionId)).size);
    expect(mz.getCell(3).value).toBe(new Set(ledger.map((r) => r.unitId)).size);
    const units = wb.getWorksheet("按街道社区")!;
    const guihua = units.getRows(2, units.rowCount - 1)!.find((r) => r.getCell(1).value === "东湖桂花社区")!;
    expect(guihua.getCell(2).value).toBe("社区（村）");
    for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => expect(String(c.value)).not.toMatch(/（[^）]*（/)));
    expect(wb.getWorksheet("台账")!.rowCount).toBe(ledger.length + (await fundingLedger(year)).filter((r) => r.departmentName !== "示例市民政局").length + 1);
    expect(wb.getWorksheet("拨付记录")!.rowCount).toBeGreaterThan(1);
  });
});
