import "server-only";
import ExcelJS from "exceljs";
import { disbursements, fundingLedger, summariseLedger } from "./queries";
import { neutraliseCell } from "@/lib/export-cells";
import { ORG_KIND_LABELS } from "@/lib/auth/roles";
import type { OrgKind } from "@/lib/generated/prisma/enums";
import { FUNDING_STATUS_LABELS, fenToYuanNumber } from "./money";

const kindLabel = (kind: string) => ORG_KIND_LABELS[kind as OrgKind] ?? "";
const MONEY = "#,##0.00";

/**
 * The year's 费随事转 workbook: by unit, by department (duties counted once, units separately),
 * the ledger line by line (planned, pro-rated, paid, status) and the disbursements.
 */
export async function fundingWorkbook(year: number, unitIds?: number[]): Promise<Buffer> {
  const [rows, paid] = await Promise.all([fundingLedger(year, unitIds), disbursements(year, unitIds)]);
  const s = summariseLedger(rows);
  const wb = new ExcelJS.Workbook();
  wb.creator = "清单";
  const sheet = (name: string, cols: { header: string; width: number; money?: boolean }[]) => {
    const ws = wb.addWorksheet(name);
    ws.columns = cols.map(({ header, width }) => ({ header, width }));
    cols.forEach((c, i) => {
      if (c.money) ws.getColumn(i + 1).numFmt = MONEY;
    });
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
    return ws;
  };
  const text = (v: string | null | undefined) => neutraliseCell(v ?? "");
  const yuan = fenToYuanNumber;

  const units = sheet("按街道社区", [
    { header: "单位", width: 30 },
    { header: "类别", width: 12 },
    { header: "上级", width: 20 },
    { header: "准入事项数", width: 12 },
    { header: "计划经费（元）", width: 16, money: true },
    { header: "已拨付（元）", width: 16, money: true },
    { header: "拨付状态", width: 10 },
  ]);
  for (const u of s.units) units.addRow([text(u.name), kindLabel(u.kind), text(u.parent), u.duties, yuan(u.plannedFen), yuan(u.paidFen), FUNDING_STATUS_LABELS[u.status]]);
  units.addRow(["合计", "", "", rows.length, yuan(s.total.plannedFen), yuan(s.total.paidFen), FUNDING_STATUS_LABELS[s.total.status]]).font = { bold: true };

  const depts = sheet("按部门", [
    { header: "部门", width: 30 },
    { header: "准入事项数", width: 12 },
    { header: "承接单位数", width: 12 },
    { header: "计划经费（元）", width: 16, money: true },
    { header: "已拨付（元）", width: 16, money: true },
    { header: "拨付状态", width: 10 },
  ]);
  for (const d of s.departments) depts.addRow([text(d.name), d.duties, d.units, yuan(d.plannedFen), yuan(d.paidFen), FUNDING_STATUS_LABELS[d.status]]);

  const ledger = sheet("台账", [
    { header: "单位", width: 26 },
    { header: "类别", width: 12 },
    { header: "事项", width: 30 },
    { header: "准入编号", width: 16 },
    { header: "部门", width: 26 },
    { header: "年度经费（元）", width: 16, money: true },
    { header: "本年计划（元）", width: 16, money: true },
    { header: "计划说明", width: 24 },
    { header: "已拨付（元）", width: 16, money: true },
    { header: "拨付状态", width: 10 },
  ]);
  for (const r of rows) {
    ledger.addRow([
      text(r.unitName),
      kindLabel(r.unitKind),
      text(r.dutyName),
      text(r.admissionCode),
      text(r.departmentName),
      yuan(r.annualFen),
      yuan(r.plannedFen),
      r.proRata ? `${r.revokedOn} 撤销，按在清单天数折算` : "",
      yuan(r.paidFen),
      FUNDING_STATUS_LABELS[r.status],
    ]);
  }

  const record = sheet("拨付记录", [
    { header: "拨付日期", width: 12 },
    { header: "单位", width: 26 },
    { header: "事项", width: 30 },
    { header: "金额（元）", width: 14, money: true },
    { header: "拨付文号", width: 22 },
    { header: "说明", width: 24 },
    { header: "登记人", width: 10 },
  ]);
  for (const d of paid) record.addRow([d.paidOn, text(d.localDuty.unit.name), text(d.localDuty.name), yuan(d.amountFen), text(d.documentNumber), text(d.note), text(d.recordedByName)]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
