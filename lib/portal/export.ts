import ExcelJS from "exceljs";
import type { PowerListForm } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/format";
import { fieldLabel, FORM_LABELS, ITEM_FIELDS, SECTION_LABELS, SOURCE_LABELS, type ItemField } from "@/lib/lists/labels";
import { csvText, neutraliseCell } from "@/lib/export-cells";
import { chinesePdf } from "@/lib/pdf";
import { addTableSheet, writeHeader, writeTextCell, writeTitle } from "@/lib/xlsx-style";
import type { PublicItem, PublicVersion } from "./read";

type ColumnKey = "seq" | "section" | "category" | ItemField | "source";
type Column = { key: ColumnKey; header: string; width: number };

const WIDTHS: Partial<Record<ColumnKey, number>> = {
  seq: 6, section: 14, category: 14, code: 16, name: 30, subItemName: 24, powerType: 12, legalBasis: 60, exerciseSubject: 18,
  handlingSection: 18, departmentName: 20, departmentDuty: 36, streetDuty: 40, responsibilities: 40, accountability: 40,
  reclaimMethod: 36, remarks: 20, source: 14,
};

function cell(item: PublicItem, key: ColumnKey, index: number): string {
  if (key === "seq") return String(index + 1);
  if (key === "section") return SECTION_LABELS[item.section];
  if (key === "category") return item.category ?? "";
  if (key === "source") return SOURCE_LABELS[item.source];
  return item[key] ?? "";
}

/** Columns of an export: the core ones always, others only when some item fills them. */
export function exportColumns(form: PowerListForm, items: PublicItem[]): Column[] {
  const core: ColumnKey[] = ["seq", "category", "name", "powerType", "legalBasis"];
  const keys: ColumnKey[] = ["seq", ...(form === "DUTY" ? (["section"] as const) : []), "category", ...ITEM_FIELDS, "source"];
  const label = (k: ColumnKey) =>
    k === "seq" ? "序号" : k === "section" ? "清单部分" : k === "category" ? "职能分类" : k === "source" ? "事项来源" : form === "DUTY" && k === "departmentName" ? "上级部门" : fieldLabel(k);
  return keys
    .filter((k) => core.includes(k) || k === "section" || items.some((item, i) => cell(item, k, i)))
    .map((key) => ({ key, header: label(key), width: WIDTHS[key] ?? 20 }));
}

export type ExportList = { title: string; form: PowerListForm; unitName: string; version: PublicVersion };

const subtitle = (l: ExportList) =>
  `第 ${l.version.versionNo} 版  ${l.version.documentNumber}  公布日期 ${formatDate(l.version.publishedAt)}  施行日期 ${formatDate(l.version.effectiveAt)}  共 ${l.version.itemCount} 项`;

/** A styled workbook: title, version line, one row per item. */
export async function listWorkbook(list: ExportList, items: PublicItem[]): Promise<Buffer> {
  const columns = exportColumns(list.form, items);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "清单";
  workbook.created = new Date();
  const sheet = addTableSheet(workbook, `第${list.version.versionNo}版`, 3, columns.map((c) => ({ key: c.key, width: c.width })));
  writeTitle(sheet, 1, columns.length, list.title, { size: 16, height: 30 });
  sheet.mergeCells(2, 1, 2, columns.length);
  sheet.getCell(2, 1).value = neutraliseCell(subtitle(list));
  sheet.getCell(2, 1).alignment = { horizontal: "center" };
  writeHeader(sheet, 3, columns.map((c) => c.header));
  items.forEach((item, r) => {
    const row = sheet.getRow(r + 4);
    columns.forEach((c, i) => writeTextCell(row.getCell(i + 1), cell(item, c.key, r), c.key === "seq" ? "center" : "left"));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV with a UTF-8 BOM (so Excel reads the Chinese) and CRLF line ends; the first column is the item's key. */
export function listCsv(form: PowerListForm, items: PublicItem[]): string {
  const columns: ColumnKey[] = ["seq", "section", "category", ...ITEM_FIELDS, "source"];
  const headers = ["序号", "清单部分", "职能分类", ...ITEM_FIELDS.map((f) => (form === "DUTY" && f === "departmentName" ? "上级部门" : fieldLabel(f))), "事项来源"];
  return csvText([["事项键", ...headers], ...items.map((item, i) => [item.itemKey, ...columns.map((k) => cell(item, k, i))])]);
}

// ---- PDF ----

type PdfColumn = { header: string; width: number; cell: (item: PublicItem, index: number) => string };

const labelled = (label: string, value: string | null | undefined) => (value ? `${label}：${value}` : "");
const lines = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join("\n");

/**
 * The PDF's columns: everything the web page shows that a reader needs on paper, 职责边界 and
 * 追责 included, in seven columns whose widths (relative weights here) fill the printable width of
 * A4 landscape exactly.
 */
export function pdfColumns(form: PowerListForm, printable: number): PdfColumn[] {
  const group = (i: PublicItem) => (form === "DUTY" ? `${SECTION_LABELS[i.section]}\n${i.category ?? ""}` : (i.category ?? ""));
  const columns: (Omit<PdfColumn, "width"> & { weight: number })[] = [
    { header: "序号", weight: 24, cell: (_i, n) => String(n + 1) },
    { header: form === "DUTY" ? "部分 / 分类" : "职能分类", weight: 56, cell: group },
    {
      header: "事项名称",
      weight: 120,
      cell: (i) =>
        lines(
          i.name,
          labelled("子项", i.subItemName),
          labelled("编码", i.code),
          labelled("承办机构", i.handlingSection),
          labelled(fieldLabel("departmentName", i.section), i.departmentName),
        ),
    },
    { header: "权力类型", weight: 44, cell: (i) => i.powerType ?? "" },
    { header: "实施依据", weight: 200, cell: (i) => i.legalBasis ?? "" },
    {
      header: "职责边界",
      weight: 190,
      cell: (i) =>
        lines(
          labelled(fieldLabel("departmentDuty", i.section), i.departmentDuty),
          labelled(fieldLabel("streetDuty", i.section), i.streetDuty),
          labelled(fieldLabel("responsibilities", i.section), i.responsibilities),
          labelled(fieldLabel("reclaimMethod", i.section), i.reclaimMethod),
        ),
    },
    { header: "追责情形", weight: 136, cell: (i) => lines(i.accountability, labelled("备注", i.remarks)) },
  ];
  const total = columns.reduce((n, c) => n + c.weight, 0);
  return columns.map(({ weight, ...c }) => ({ ...c, width: (printable * weight) / total }));
}

const PAGE = { width: 841.89, height: 595.28, margin: 36 };

/** The list as a landscape A4 PDF with Chinese text: title, version line, a table that breaks across pages. */
export async function listPdf(list: ExportList, items: PublicItem[], url: string): Promise<Buffer> {
  const { doc, finish } = chinesePdf({
    size: "A4",
    layout: "landscape",
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    info: { Title: `${list.title}（第${list.version.versionNo}版）`, Author: list.version.publisherUnit, Subject: FORM_LABELS[list.form], Creator: "清单" },
  });
  const left = PAGE.margin;
  const width = PAGE.width - PAGE.margin * 2;
  const bottom = PAGE.height - PAGE.margin - 14;
  const columns = pdfColumns(list.form, width);
  const pad = 3;

  doc.font("bold").fontSize(16).fillColor("#111827").text(list.title, left, PAGE.margin, { width, align: "center" });
  doc.moveDown(0.3);
  doc.font("regular").fontSize(9).fillColor("#4b5563").text(subtitle(list), { width, align: "center" });
  doc.moveDown(0.8);

  const drawHeader = () => {
    const y = doc.y;
    doc.font("bold").fontSize(8.5).fillColor("#111827");
    const h = Math.max(...columns.map((c) => doc.heightOfString(c.header, { width: c.width - pad * 2 }))) + pad * 2;
    let x = left;
    for (const c of columns) {
      doc.rect(x, y, c.width, h).fillAndStroke("#dce7f7", "#9ca3af");
      doc.fillColor("#111827").text(c.header, x + pad, y + pad, { width: c.width - pad * 2, align: "center" });
      x += c.width;
    }
    doc.y = y + h;
  };
  drawHeader();
  doc.font("regular").fontSize(8);
  items.forEach((item, n) => {
    const texts = columns.map((c) => c.cell(item, n));
    const h = Math.max(...texts.map((t, k) => doc.heightOfString(t || " ", { width: columns[k].width - pad * 2 }))) + pad * 2;
    if (doc.y + h > bottom) {
      doc.addPage();
      doc.y = PAGE.margin;
      drawHeader();
      doc.font("regular").fontSize(8);
    }
    const y = doc.y;
    let x = left;
    texts.forEach((t, k) => {
      doc.rect(x, y, columns[k].width, h).stroke("#9ca3af");
      doc.fillColor("#111827").text(t, x + pad, y + pad, { width: columns[k].width - pad * 2 });
      x += columns[k].width;
    });
    doc.y = y + h;
  });

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing into the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font("regular").fontSize(7.5).fillColor("#6b7280");
    doc.text(`${list.unitName} · 第 ${list.version.versionNo} 版 · ${url} · 第 ${i + 1} / ${range.count} 页`, left, PAGE.height - PAGE.margin + 8, { width, align: "center", lineBreak: false });
  }
  return finish();
}
