import ExcelJS from "exceljs";
import { formatDate } from "@/lib/format";
import { addTableSheet, writeHeader, writeTextCell, writeTitle } from "@/lib/xlsx-style";
import { percent, type RatingCounts } from "./satisfaction";

export type AppraisalExportRow = {
  name: string;
  departmentName: string;
  active: boolean;
  unit: { name: string };
  counts: RatingCounts;
  total: number;
  satisfaction: number | null;
  flagged: boolean;
  decision: { outcome: "REVOKED" | "KEPT"; note: string } | null;
};

/** What became of a duty in the round, in words (the 通报 and the export say the same). */
export function resultText(r: Pick<AppraisalExportRow, "active" | "flagged" | "total" | "decision">): string {
  if (r.decision?.outcome === "REVOKED" || !r.active) return "撤销";
  if (r.decision?.outcome === "KEPT") return "说明理由保留";
  if (r.flagged) return "建议撤销（待决定）";
  return r.total === 0 ? "无人评价" : "保留";
}

const COLUMNS = [
  { header: "序号", width: 6 },
  { header: "承接单位", width: 20 },
  { header: "事项名称", width: 30 },
  { header: "交办部门", width: 22 },
  { header: "满意", width: 8 },
  { header: "基本满意", width: 10 },
  { header: "不满意", width: 8 },
  { header: "评价数", width: 8 },
  { header: "满意率", width: 10 },
  { header: "评议结果", width: 16 },
  { header: "说明", width: 40 },
] as const;

/** 年度评议结果: one row per duty of the round. */
export async function appraisalWorkbook(round: { title: string; closesOn: Date; closedAt: Date | null }, rows: AppraisalExportRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = addTableSheet(workbook, "评议结果", 3, COLUMNS.map((c) => ({ width: c.width })));
  writeTitle(sheet, 1, COLUMNS.length, `${round.title}结果`, { size: 14, height: 24 });
  writeTitle(sheet, 2, COLUMNS.length, `截止 ${formatDate(round.closesOn)}${round.closedAt ? `，${formatDate(round.closedAt)} 结束` : "，进行中"} · 满意率 =（满意＋基本满意）÷ 全部评价，不超过 50% 的事项建议撤销`, { size: 10, height: 18 });
  writeHeader(sheet, 3, COLUMNS.map((c) => c.header));
  rows.forEach((r, i) => {
    const row = sheet.getRow(4 + i);
    const values = [String(i + 1), r.unit.name, r.name, r.departmentName, String(r.counts.satisfied), String(r.counts.basic), String(r.counts.dissatisfied), String(r.total), percent(r.satisfaction), resultText(r), r.decision?.note ?? ""];
    values.forEach((v, c) => writeTextCell(row.getCell(c + 1), v, c === 0 || (c >= 4 && c <= 9) ? "center" : "left"));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
