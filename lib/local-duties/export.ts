import ExcelJS from "exceljs";
import { formatDate } from "@/lib/format";
import { csvText } from "@/lib/export-cells";
import { addTableSheet, writeHeader, writeTextCell, writeTitle } from "@/lib/xlsx-style";
import { DUTY_FIELDS, type DutyFieldDef, type DutyFieldKey, type LocalDutySnapshotItem } from "./fields";

type Version = { unitName: string; versionNo: number; publishedAt: Date; note: string };
type Labels = Partial<Record<DutyFieldKey, string>>;

/** The export's header row: 序号, the definition's fields (named for this unit), 准入编号. */
export function dutyExportHeaders(labels: Labels = {}, fields: readonly DutyFieldDef[] = DUTY_FIELDS): string[] {
  return ["序号", ...fields.map((f) => labels[f.key as DutyFieldKey] ?? f.label), "准入编号"];
}
const cells = (i: LocalDutySnapshotItem) => [String(i.position), ...DUTY_FIELDS.map((f) => String(i[f.key] ?? "")), i.admissionCode ?? ""];

/** One published version as CSV (UTF-8 with BOM, formulas neutralised). */
export function dutiesCsv(items: LocalDutySnapshotItem[], labels: Labels = {}): string {
  return csvText([dutyExportHeaders(labels), ...items.map(cells)]);
}

/** One published version as a styled workbook: title, version line, frozen header, A4 landscape. */
export async function dutiesWorkbook(version: Version, items: LocalDutySnapshotItem[], labels: Labels = {}): Promise<Buffer> {
  const HEADERS = dutyExportHeaders(labels);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "清单";
  const sheet = addTableSheet(workbook, "属地管理事项清单", 3, [{ width: 6 }, ...DUTY_FIELDS.map((f) => ({ width: f.width })), { width: 14 }]);
  writeTitle(sheet, 1, HEADERS.length, `${version.unitName}属地管理事项清单`, { size: 14, height: 28 });
  writeTitle(sheet, 2, HEADERS.length, `第 ${version.versionNo} 版 · ${formatDate(version.publishedAt)} 公布 · 共 ${items.length} 项 · ${version.note}`, { size: 10, height: 20 });
  writeHeader(sheet, 3, HEADERS);
  items.forEach((item, r) => {
    const row = sheet.getRow(r + 4);
    cells(item).forEach((text, c) => writeTextCell(row.getCell(c + 1), text, c === 0 ? "center" : "left"));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
