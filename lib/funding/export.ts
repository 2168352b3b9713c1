import "server-only";
import ExcelJS from "exceljs";
import { fundingLines, summarise } from "./queries";
import { neutraliseCell } from "@/lib/export-cells";


export async function fundingWorkbook(year: number): Promise<Buffer> {
  const lines = await fundingLines(year);
  const s = summarise(lines);
  const wb = new ExcelJS.Workbook();
  wb.creator = "清单";
  const head = (ws: ExcelJS.Worksheet, cols: { header: string; width: number }[]) => {
    ws.columns = cols;
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
  };
  const units = wb.addWorksheet("按街道社区");
  head(units, [{ header: "单位", width: 30 }, { header: "上级", width: 20 }, { header: "准入事项数", width: 12 }, { header: "经费（元/年）", width: 16 }]);
  for (const u of s.units) units.addRow([neutraliseCell(u.name), neutraliseCell(u.parent ?? ""), u.duties, u.amount]);
  const depts = wb.addWorksheet("按部门");
  head(depts, [{ header: "部门", width: 30 }, { header: "准入事项数", width: 12 }, { header: "承接单位数", width: 12 }, { header: "经费（元/年）", width: 16 }]);
  for (const d of s.departments) depts.addRow([neutraliseCell(d.name), d.duties, d.units, d.amount]);
  const detail = wb.addWorksheet("明细");
  head(detail, [{ header: "单位", width: 30 }, { header: "部门", width: 30 }, { header: "事项数", width: 10 }, { header: "经费（元/年）", width: 16 }]);
  for (const l of lines) detail.addRow([neutraliseCell(l.unit_name), neutraliseCell(l.department_name), l.duties, Number(l.amount)]);
  for (const ws of [units, depts, detail]) ws.getColumn(ws.columnCount).numFmt = "#,##0.00";
  units.addRow(["合计", "", s.units.reduce((n, u) => n + u.duties, 0), s.total]).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
