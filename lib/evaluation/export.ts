import ExcelJS from "exceljs";
import { neutraliseValue } from "@/lib/export-cells";
import type { PublishedIndicator } from "./queries";

type Row = { unitName: string; side: string; total: number | null; rank: number | null; rankOf: number; raterCount: number; indicators: Pick<PublishedIndicator, "name" | "mean" | "weighted" | "applicable">[] };

/** Cells of one indicator: mean and weighted score, or 不适用 twice (no dispatched cases that year). */
export function indicatorCells(i: Row["indicators"][number]): (number | string | null)[] {
  if (i.applicable === false) return ["不适用", "不适用"];
  return [i.mean == null ? null : Math.round(i.mean * 100) / 100, Math.round(i.weighted * 100) / 100];
}

export async function resultsWorkbook(title: string, indicators: { name: string; weight: number }[], rows: Row[], raters?: { ratee: string; rater: string; scores: (number | null)[]; comment: string | null }[], ratedNames: string[] = []) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "清单";
  const ws = wb.addWorksheet("考评结果");
  ws.addRow([neutraliseValue(title)]).font = { bold: true, size: 14 };
  const header = ["类别", "排名", "单位", ...indicators.flatMap((i) => [`${i.name}平均分`, `${i.name}加权得分（权重${i.weight}）`]), "总分", "评价单位数"];
  ws.addRow(header.map(neutraliseValue)).font = { bold: true };
  for (const r of rows) {
    ws.addRow(
      [r.side === "DEPARTMENT" ? "部门" : "街道（乡镇）", r.rank, r.unitName, ...r.indicators.flatMap(indicatorCells), r.total, r.raterCount].map(neutraliseValue),
    );
  }
  ws.columns.forEach((c, i) => (c.width = i === 2 ? 28 : 14));
  if (raters) {
    const rs = wb.addWorksheet("各评价单位评分");
    rs.addRow(["被评价单位", "评价单位", ...ratedNames, "评语"].map(neutraliseValue)).font = { bold: true };
    for (const r of raters) rs.addRow([r.ratee, r.rater, ...r.scores, r.comment ?? ""].map(neutraliseValue));
    rs.columns.forEach((c, i) => (c.width = i < 2 ? 28 : 14));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
