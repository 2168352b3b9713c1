import ExcelJS from "exceljs";
import { formatDate } from "@/lib/format";
import { csvText } from "@/lib/export-cells";
import { addTableSheet, writeHeader, writeTextCell, writeTitle } from "@/lib/xlsx-style";
import { displayCell, exportWidth, type FieldDef } from "./fields";
import type { TypedRow } from "./schema";

// A published typed-list version as CSV and as a styled workbook. The columns are the version's
// own (frozen at publication), each cell as the field library displays it.

type Version = { title: string; versionNo: number; publishedAt: Date; documentNumber: string; fields: FieldDef[]; sections: string[]; rows: TypedRow[] };

export function typedListHeaders(version: Pick<Version, "fields" | "sections">): string[] {
  return ["序号", ...(version.sections.length ? ["分类"] : []), ...version.fields.map((f) => f.label)];
}

function cells(version: Pick<Version, "fields" | "sections">, row: TypedRow, i: number): string[] {
  return [String(i + 1), ...(version.sections.length ? [row.section ?? ""] : []), ...version.fields.map((f) => displayCell(f, row.values[f.key]))];
}

/** UTF-8 with BOM, formulas neutralised. */
export function typedListCsv(version: Pick<Version, "fields" | "sections" | "rows">): string {
  return csvText([typedListHeaders(version), ...version.rows.map((r, i) => cells(version, r, i))]);
}

/** Title, version line, frozen header, A4 landscape (lib/xlsx-style). */
export async function typedListWorkbook(version: Version): Promise<Buffer> {
  const headers = typedListHeaders(version);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "清单";
  const widths = [{ width: 6 }, ...(version.sections.length ? [{ width: 12 }] : []), ...version.fields.map((f) => ({ width: exportWidth(f) }))];
  const sheet = addTableSheet(workbook, version.title.slice(0, 31).replace(/[\\/?*[\]:]/g, " "), 3, widths);
  writeTitle(sheet, 1, headers.length, version.title, { size: 14, height: 28 });
  writeTitle(sheet, 2, headers.length, `第 ${version.versionNo} 版 · ${version.documentNumber} · ${formatDate(version.publishedAt)} 公布 · 共 ${version.rows.length} 项`, { size: 10, height: 20 });
  writeHeader(sheet, 3, headers);
  version.rows.forEach((r, i) => {
    const row = sheet.getRow(i + 4);
    cells(version, r, i).forEach((text, c) => writeTextCell(row.getCell(c + 1), text, c === 0 ? "center" : "left"));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A4 portrait PDF: title and version line, then each row as its labelled fields. */
export async function typedListPdf(version: Version): Promise<Buffer> {
  const { chinesePdf } = await import("@/lib/pdf");
  const { doc, finish } = chinesePdf({ size: "A4", margin: 50, info: { Title: version.title } });
  doc.font("bold").fontSize(16).text(version.title, { align: "center" });
  doc.moveDown(0.3).font("regular").fontSize(9).fillColor("#444").text(`第 ${version.versionNo} 版 · ${version.documentNumber} · ${formatDate(version.publishedAt)} 公布 · 共 ${version.rows.length} 项`, { align: "center" });
  doc.fillColor("#000").moveDown(1);
  version.rows.forEach((r, i) => {
    const [first, ...rest] = version.fields;
    doc.font("bold").fontSize(11).text(`${i + 1}. ${first ? displayCell(first, r.values[first.key]) : ""}${r.section ? `（${r.section}）` : ""}`);
    doc.font("regular").fontSize(9.5);
    for (const f of rest) {
      const value = displayCell(f, r.values[f.key]);
      if (value) doc.text(`${f.label}：${value}`, { indent: 12 });
    }
    doc.moveDown(0.6);
  });
  return finish();
}
