import ExcelJS from "exceljs";
import { formatDate, formatDateTime } from "@/lib/format";
import { addTableSheet, writeHeader, writeTextCell, writeTitle } from "@/lib/xlsx-style";
import { CHECK_LABELS, STATUS_LABELS } from "./labels";

export type RegisterExportRow = {
  title: string;
  departmentName: string;
  receivedOn: Date;
  checkResult: keyof typeof CHECK_LABELS;
  matchedDutyName: string | null;
  status: keyof typeof STATUS_LABELS;
  refusalReason: string | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  createdByName: string;
  unit: { name: string };
};

const COLUMNS = [
  { header: "序号", width: 6 },
  { header: "登记单位", width: 20 },
  { header: "交办部门", width: 22 },
  { header: "任务名称", width: 30 },
  { header: "收到日期", width: 12 },
  { header: "比对结果", width: 22 },
  { header: "处理结果", width: 10 },
  { header: "拒绝理由", width: 40 },
  { header: "处理人", width: 10 },
  { header: "处理时间", width: 20 },
] as const;

/** 任务登记与拒绝: the register as the page's filter selects it, one row per task. */
export async function registerWorkbook(rows: RegisterExportRow[], description: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = addTableSheet(workbook, "任务登记簿", 3, COLUMNS.map((c) => ({ width: c.width })));
  writeTitle(sheet, 1, COLUMNS.length, "任务登记与拒绝情况", { size: 14, height: 24 });
  writeTitle(sheet, 2, COLUMNS.length, description, { size: 10, height: 18 });
  writeHeader(sheet, 3, COLUMNS.map((c) => c.header));
  rows.forEach((r, i) => {
    const row = sheet.getRow(4 + i);
    const values = [
      String(i + 1),
      r.unit.name,
      r.departmentName,
      r.title,
      formatDate(r.receivedOn),
      r.checkResult === "ADMITTED" ? `${CHECK_LABELS.ADMITTED}：${r.matchedDutyName ?? ""}` : CHECK_LABELS[r.checkResult],
      STATUS_LABELS[r.status],
      r.refusalReason ?? "",
      r.decidedByName ?? "",
      r.decidedAt ? formatDateTime(r.decidedAt) : "",
    ];
    values.forEach((v, c) => writeTextCell(row.getCell(c + 1), v, c === 0 || c === 4 || c === 6 ? "center" : "left"));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
