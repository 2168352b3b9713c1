import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { chinesePdf } from "@/lib/pdf";
import { formatDate } from "@/lib/format";
import { KIND_LABELS, LEVEL_LABELS, OPINION_LABELS, RESPONSE_LABELS } from "./labels";
import type { AdmissionKind, AdmissionLevel, AdmissionOpinionKind, ConsultationResponse } from "@/lib/generated/prisma/enums";

/** A printable 准入 document: a title, its 文号, paragraphs, an optional table and a sign-off. */
export type AdmissionDocument = {
  title: string;
  docNo: string | null;
  paragraphs: string[];
  table?: { headers: string[]; widths: number[]; rows: string[][] };
  signOff: string[];
};

export type AdmissionForDocument = {
  code: string;
  title: string;
  kind: AdmissionKind;
  level: AdmissionLevel;
  applicantUnitName: string;
  content: string;
  localDuty: string;
  fundingAmount: { toString(): string };
  fundingSource: string;
  status: string;
  approvalDocNo: string | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  filingAuthority: string | null;
  filingNumber: string | null;
  targets: { unitName: string; response: ConsultationResponse | null; reason: string | null; excluded: boolean; excludedReason: string | null }[];
  opinions: { unitName: string; opinion: AdmissionOpinionKind; body: string; authorName: string; enteredByName: string | null; createdAt: Date }[];
};

/** 准入决定书: the decision, with its 文号, and the units that take the duty or do not. */
export function decisionDocument(a: AdmissionForDocument, issuer: string): AdmissionDocument | null {
  if (!a.decidedAt || !a.approvalDocNo) return null;
  const refused = a.status === "REFUSED";
  const taking = a.targets.filter((t) => !t.excluded);
  const excluded = a.targets.filter((t) => t.excluded);
  const paragraphs = [
    `${a.applicantUnitName}：`,
    `你单位提出的「${a.title}」（${KIND_LABELS[a.kind]}，编号 ${a.code}）准入申请收悉。经初审、联席会议成员单位审查和征求${LEVEL_LABELS[a.level]}意见，现决定如下：`,
    refused
      ? `一、不予准入。理由：${a.decisionNote ?? ""}。你单位不得将该事项交由街道（乡镇）、社区承担。`
      : excluded.length
        ? `一、部分准入。该事项由 ${taking.map((t) => t.unitName).join("、")} 承接；${excluded.map((t) => `${t.unitName}异议成立，不承接（${t.excludedReason ?? ""}）`).join("；")}。`
        : `一、准入。该事项由 ${taking.map((t) => t.unitName).join("、")} 承接。`,
    ...(refused
      ? []
      : [
          `二、事项内容：${a.content}`,
          `三、承接单位职责：${a.localDuty}`,
          `四、费随事转：每个承接单位每年 ${a.fundingAmount.toString()} 元（${a.fundingSource || "—"}），由你单位按规定拨付。`,
          `五、本决定报${a.filingAuthority ?? "上级编办"}备案${a.filingNumber ? `（备案号 ${a.filingNumber}）` : ""}后生效。`,
        ]),
    ...(a.decisionNote && !refused ? [`说明：${a.decisionNote}`] : []),
  ];
  return { title: "准入决定书", docNo: a.approvalDocNo, paragraphs, signOff: [issuer, formatDate(a.decidedAt)] };
}

/** 联席会议审查意见表: every member unit's opinion, who signed it and who entered it. */
export function opinionsDocument(a: AdmissionForDocument, issuer: string): AdmissionDocument | null {
  if (!a.opinions.length) return null;
  return {
    title: "联席会议审查意见表",
    docNo: a.approvalDocNo,
    paragraphs: [`事项名称：${a.title}（${a.code}）`, `申请部门：${a.applicantUnitName}　　准入事项类别：${KIND_LABELS[a.kind]}　　下沉层级：${LEVEL_LABELS[a.level]}`],
    table: {
      headers: ["序号", "成员单位", "审查意见", "意见内容", "签署人", "日期"],
      widths: [6, 20, 12, 36, 14, 12],
      rows: a.opinions.map((o, i) => [String(i + 1), o.unitName, OPINION_LABELS[o.opinion], o.body, o.enteredByName ? `${o.authorName}\n（${o.enteredByName}代录）` : o.authorName, formatDate(o.createdAt)]),
    },
    signOff: [...a.targets.filter((t) => t.response).map((t) => `${t.unitName}：${RESPONSE_LABELS[t.response!]}${t.reason ? `（${t.reason}）` : ""}`), issuer],
  };
}

const PAGE = { width: 595.28, margin: 56 };

export async function renderDocumentPdf(d: AdmissionDocument): Promise<Buffer> {
  const { doc, finish } = chinesePdf({ size: "A4", margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin }, info: { Title: d.title, Creator: "清单" } });
  const width = PAGE.width - PAGE.margin * 2;
  doc.font("bold").fontSize(20).text(d.title, { align: "center" });
  if (d.docNo) doc.moveDown(0.3).font("regular").fontSize(11).text(d.docNo, { align: "center" });
  doc.moveDown(1).font("regular").fontSize(12);
  for (const p of d.paragraphs) doc.text(p, { width, lineGap: 4, paragraphGap: 6 });
  if (d.table) {
    doc.moveDown(0.5).fontSize(9);
    const total = d.table.widths.reduce((s, w) => s + w, 0);
    const cols = d.table.widths.map((w) => (w / total) * width);
    const row = (cells: string[], bold: boolean) => {
      doc.font(bold ? "bold" : "regular");
      const heights = cells.map((c, i) => doc.heightOfString(c, { width: cols[i] - 6 }));
      const h = Math.max(...heights) + 8;
      if (doc.y + h > doc.page.height - PAGE.margin) doc.addPage();
      const y = doc.y;
      let x = PAGE.margin;
      cells.forEach((c, i) => {
        doc.rect(x, y, cols[i], h).strokeColor("#6b7280").lineWidth(0.5).stroke();
        doc.fillColor("#111827").text(c, x + 3, y + 4, { width: cols[i] - 6 });
        x += cols[i];
      });
      doc.x = PAGE.margin;
      doc.y = y + h;
    };
    row(d.table.headers, true);
    for (const r of d.table.rows) row(r, false);
    doc.fontSize(12).font("regular");
  }
  doc.moveDown(2);
  for (const line of d.signOff) doc.text(line, PAGE.margin, doc.y, { width, align: "right" });
  return finish();
}

const BODY = { ascii: "宋体", eastAsia: "宋体", hAnsi: "宋体" };
const border = { style: BorderStyle.SINGLE, size: 4, color: "6B7280" };
const para = (text: string, opts: { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    alignment: opts.align,
    spacing: { after: 120 },
    children: text.split("\n").map((t, i) => new TextRun({ text: t, break: i ? 1 : undefined, bold: opts.bold, size: opts.size ?? 24, font: BODY })),
  });

export async function renderDocumentDocx(d: AdmissionDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [para(d.title, { bold: true, size: 40, align: AlignmentType.CENTER })];
  if (d.docNo) children.push(para(d.docNo, { align: AlignmentType.CENTER, size: 22 }));
  for (const p of d.paragraphs) children.push(para(p));
  if (d.table) {
    const cell = (text: string, i: number, head: boolean) =>
      new TableCell({ width: { size: d.table!.widths[i], type: WidthType.PERCENTAGE }, borders: { top: border, bottom: border, left: border, right: border }, children: [para(text, { bold: head, size: 18 })] });
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [new TableRow({ tableHeader: true, children: d.table.headers.map((h, i) => cell(h, i, true)) }), ...d.table.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) }))],
      }),
    );
  }
  for (const line of d.signOff) children.push(para(line, { align: AlignmentType.RIGHT }));
  return Packer.toBuffer(new Document({ creator: "清单", title: d.title, sections: [{ children }] }));
}
