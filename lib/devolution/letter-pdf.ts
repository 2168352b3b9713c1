import { formatDateTime } from "@/lib/format";
import { chinesePdf } from "@/lib/pdf";
import { DECISION_LABELS } from "./state";
import { chineseDate, countsSentence, dutyOrReasonCell, groupedHash, signatureBlocks, type LetterContent } from "./letter-content";

/** What the printed letter shows besides its content: who confirmed it and whether it still stands. */
export type LetterPrint = {
  content: LetterContent;
  contentHash: string;
  status: "PENDING" | "CONFIRMED" | "WITHDRAWN";
  departmentConfirmedBy: string | null;
  departmentConfirmedAt: Date | null;
  streetConfirmedBy: string | null;
  streetConfirmedAt: Date | null;
  /** Absolute address of the public verify page, e.g. https://host/verify */
  verifyUrl: string;
};

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const INK = "#111827";
const MUTED = "#4b5563";
const RULE = "#9ca3af";

type Column = { header: string; width: number; cell: (item: LetterContent["items"][number]) => string };

const COLUMNS: Column[] = [
  { header: "序号", width: 28, cell: (i) => String(i.seq) },
  { header: "事项名称", width: 128, cell: (i) => (i.code ? `${i.name}\n（${i.code}）` : i.name) },
  { header: "权力类型", width: 48, cell: (i) => i.powerType ?? "" },
  { header: "确认结果", width: 44, cell: (i) => DECISION_LABELS[i.decision] + (i.arbitrated ? "\n（编办裁决）" : "") },
  { header: "街道（乡镇）承担职责", width: 124, cell: (i) => (i.decision === "ACCEPT" ? (i.streetDuty ?? "") : "—") },
  {
    header: "部门保留职责 / 理由",
    width: 123.28,
    cell: dutyOrReasonCell,
  },
];

export async function renderLetterPdf(letter: LetterPrint): Promise<Buffer> {
  const c = letter.content;
  const { doc, finish } = chinesePdf({
    size: "A4",
    margins: { top: PAGE.margin, bottom: PAGE.margin + 20, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    info: { Title: `${c.title}（${c.documentNumber}）`, Author: c.department.name, Subject: c.round.title, Keywords: letter.contentHash, Creator: "清单" },
  });

  const left = PAGE.margin;
  const width = PAGE.width - PAGE.margin * 2;
  const bottom = PAGE.height - PAGE.margin - 20;

  doc.fillColor(INK).font("bold").fontSize(20).text(c.title, left, PAGE.margin, { width, align: "center" });
  doc.moveDown(0.3);
  doc.font("regular").fontSize(11).fillColor(MUTED).text(c.documentNumber, { width, align: "center" });
  if (letter.status === "WITHDRAWN") doc.fillColor("#b91c1c").text("（本确认书已撤回，不再有效）", { width, align: "center" });
  else if (letter.status === "PENDING") doc.fillColor(MUTED).text("（待双方确认）", { width, align: "center" });
  doc.moveDown(1);

  doc.fillColor(INK).font("regular").fontSize(11);
  doc.text(`甲方（部门）：${c.department.name}`, { width });
  doc.text(`乙方（街道、乡镇）：${c.street.name}`, { width });
  doc.moveDown(0.5);
  doc.text(
    `根据「${c.round.title}」工作安排，依据《${c.edition.title}》，甲乙双方对下列赋权事项逐项协商，确认承接意见及职责边界如下：`,
    { width, lineGap: 2 },
  );
  doc.moveDown(0.6);

  // The table, with its header repeated on each page.
  const pad = 3;
  const fontSize = 8.5;
  const drawHeader = () => {
    let x = left;
    const y = doc.y;
    doc.font("bold").fontSize(fontSize);
    const h = Math.max(...COLUMNS.map((col) => doc.heightOfString(col.header, { width: col.width - pad * 2 }))) + pad * 2;
    doc.save().rect(left, y, width, h).fill("#e5edf8").restore();
    for (const col of COLUMNS) {
      doc.fillColor(INK).text(col.header, x + pad, y + pad, { width: col.width - pad * 2, align: "center" });
      doc.rect(x, y, col.width, h).lineWidth(0.5).strokeColor(RULE).stroke();
      x += col.width;
    }
    doc.y = y + h;
  };
  drawHeader();
  doc.font("regular").fontSize(fontSize);
  for (const item of c.items) {
    const texts = COLUMNS.map((col) => col.cell(item));
    const h = Math.max(...texts.map((t, k) => doc.heightOfString(t || " ", { width: COLUMNS[k].width - pad * 2 }))) + pad * 2;
    if (doc.y + h > bottom) {
      doc.addPage();
      doc.y = PAGE.margin;
      drawHeader();
      doc.font("regular").fontSize(fontSize);
    }
    const y = doc.y;
    let x = left;
    texts.forEach((t, k) => {
      const col = COLUMNS[k];
      doc.fillColor(INK).text(t, x + pad, y + pad, { width: col.width - pad * 2, align: k === 0 || k === 3 ? "center" : "left" });
      doc.rect(x, y, col.width, h).lineWidth(0.5).strokeColor(RULE).stroke();
      x += col.width;
    });
    doc.y = y + h;
  }

  const need = 190;
  if (doc.y + need > bottom) {
    doc.addPage();
    doc.y = PAGE.margin;
  } else doc.moveDown(0.8);
  doc.x = left;
  doc.font("regular").fontSize(11).fillColor(INK).text(countsSentence(c.counts), left, doc.y, { width });
  doc.moveDown(0.4);
  doc.text("本确认书经甲乙双方在系统中确认后生效；确认后上述事项锁定，如需调整，须在新一轮承接确认中办理。", { width, lineGap: 2 });
  doc.moveDown(1);

  const half = width / 2;
  const y0 = doc.y;
  const confirmation = (label: string, name: string, by: string | null, at: Date | null, x: number) => {
    doc.font("bold").fontSize(11).fillColor(INK).text(label, x, y0, { width: half - 10 });
    doc.font("regular").fontSize(10.5).text(name, x, doc.y + 2, { width: half - 10 });
    doc.fillColor(by ? INK : MUTED).text(by ? `确认人：${by}` : "确认人：（待确认）", x, doc.y + 4, { width: half - 10 });
    doc.text(`确认时间：${at ? formatDateTime(at) : "（待确认）"}`, x, doc.y + 2, { width: half - 10 });
  };
  confirmation("甲方（部门）", c.department.name, letter.departmentConfirmedBy, letter.departmentConfirmedAt, left);
  const yLeft = doc.y;
  confirmation("乙方（街道、乡镇）", c.street.name, letter.streetConfirmedBy, letter.streetConfirmedAt, left + half);
  doc.y = Math.max(yLeft, doc.y);
  doc.moveDown(1);
  doc.x = left;
  doc.font("regular").fontSize(11).fillColor(INK).text(`生成日期：${chineseDate(c.date)}`, left, doc.y, { width, align: "right" });
  doc.moveDown(1.2);

  doc.fontSize(8.5).fillColor(MUTED);
  doc.text("内容校验码（SHA-256）：", left, doc.y, { width });
  doc.font("regular").fontSize(9).fillColor(INK).text(groupedHash(letter.contentHash), { width });
  doc.fontSize(8.5).fillColor(MUTED).text(`核验地址：${letter.verifyUrl}?hash=${letter.contentHash}`, { width });
  doc.text("在核验页面输入上方校验码，可查验本确认书的文号、双方单位、日期和事项数是否与系统记录一致。", { width });

  // Lines to sign and stamp the paper copy that is filed, one per side.
  const blocks = signatureBlocks(c);
  doc.font("regular").fontSize(11);
  const blockHeight = doc.heightOfString("甲", { width }) * 2 + 12;
  if (doc.y + 24 + blockHeight * blocks.length > bottom) {
    doc.addPage();
    doc.y = PAGE.margin;
  } else doc.moveDown(1.5);
  for (const b of blocks) {
    doc.font("bold").fontSize(11).fillColor(INK).text(`${b.side}：${b.name}`, left, doc.y, { width });
    doc.font("regular").fontSize(11).text(b.line, left, doc.y + 4, { width });
    doc.moveDown(1);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page: lift the margin for the footer.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("regular").fontSize(8).fillColor(MUTED)
      .text(`${c.documentNumber}　第 ${i - range.start + 1} 页，共 ${range.count} 页`, left, PAGE.height - PAGE.margin, { width, align: "center", lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  return finish();
}
