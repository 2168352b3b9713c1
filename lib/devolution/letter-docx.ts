import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";
import { formatDateTime } from "@/lib/format";
import { DECISION_LABELS } from "./state";
import { chineseDate, countsSentence, dutyOrReasonCell, groupedHash, signatureBlocks } from "./letter-content";
import type { LetterPrint } from "./letter-pdf";

// Fonts every Chinese Word install has; the PDF is the authoritative copy, this one is for editing.
const BODY = { ascii: "宋体", eastAsia: "宋体", hAnsi: "宋体" };
const HEADING = { ascii: "黑体", eastAsia: "黑体", hAnsi: "黑体" };

const run = (text: string, opts: { bold?: boolean; size?: number; heading?: boolean; color?: string } = {}) =>
  new TextRun({ text, bold: opts.bold, size: opts.size ?? 22, font: opts.heading ? HEADING : BODY, color: opts.color });

/** Text with line breaks as one paragraph of runs. */
function lines(text: string, size = 18, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) {
  const parts = text.split("\n");
  return new Paragraph({
    alignment: opts.align,
    children: parts.map((p, i) => new TextRun({ text: p, break: i > 0 ? 1 : undefined, size, bold: opts.bold, font: BODY })),
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "9CA3AF" };
const borders = { top: border, bottom: border, left: border, right: border };

export async function renderLetterDocx(letter: LetterPrint): Promise<Buffer> {
  const c = letter.content;
  const widths = [6, 24, 10, 9, 26, 25];
  const header = ["序号", "事项名称", "权力类型", "确认结果", "街道（乡镇）承担职责", "部门保留职责 / 理由"];
  const cell = (text: string, k: number, head = false) =>
    new TableCell({
      borders,
      width: { size: widths[k], type: WidthType.PERCENTAGE },
      shading: head ? { type: ShadingType.CLEAR, fill: "E5EDF8", color: "auto" } : undefined,
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      children: [lines(text, 18, { bold: head, align: head || k === 0 || k === 3 ? AlignmentType.CENTER : AlignmentType.LEFT })],
    });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, k) => cell(h, k, true)) }),
      ...c.items.map(
        (i) =>
          new TableRow({
            cantSplit: true,
            children: [
              String(i.seq),
              i.code ? `${i.name}\n（${i.code}）` : i.name,
              i.powerType ?? "",
              DECISION_LABELS[i.decision] + (i.arbitrated ? "\n（编办裁决）" : ""),
              i.decision === "ACCEPT" ? (i.streetDuty ?? "") : "—",
              dutyOrReasonCell(i),
            ].map((t, k) => cell(t, k)),
          }),
      ),
    ],
  });
  const status =
    letter.status === "WITHDRAWN" ? "（本确认书已撤回，不再有效）" : letter.status === "PENDING" ? "（待双方确认）" : "";
  const confirmed = (by: string | null, at: Date | null) => `确认人：${by ?? "（待确认）"}　确认时间：${at ? formatDateTime(at) : "（待确认）"}`;
  const doc = new Document({
    creator: "清单",
    title: `${c.title}（${c.documentNumber}）`,
    keywords: letter.contentHash,
    sections: [
      {
        properties: { page: { margin: { top: 1100, bottom: 1100, left: 1000, right: 1000 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(c.title, { heading: true, bold: true, size: 40 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(c.documentNumber)] }),
          ...(status ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(status, { color: letter.status === "WITHDRAWN" ? "B91C1C" : "4B5563" })] })] : []),
          new Paragraph({ spacing: { before: 240 }, children: [run(`甲方（部门）：${c.department.name}`)] }),
          new Paragraph({ children: [run(`乙方（街道、乡镇）：${c.street.name}`)] }),
          new Paragraph({
            spacing: { before: 120, after: 160 },
            children: [run(`根据「${c.round.title}」工作安排，依据《${c.edition.title}》，甲乙双方对下列赋权事项逐项协商，确认承接意见及职责边界如下：`)],
          }),
          table,
          new Paragraph({ spacing: { before: 200 }, children: [run(countsSentence(c.counts))] }),
          new Paragraph({ children: [run("本确认书经甲乙双方在系统中确认后生效；确认后上述事项锁定，如需调整，须在新一轮承接确认中办理。")] }),
          new Paragraph({ spacing: { before: 240 }, children: [run("甲方（部门）", { bold: true })] }),
          new Paragraph({ children: [run(c.department.name)] }),
          new Paragraph({ children: [run(confirmed(letter.departmentConfirmedBy, letter.departmentConfirmedAt))] }),
          new Paragraph({ spacing: { before: 160 }, children: [run("乙方（街道、乡镇）", { bold: true })] }),
          new Paragraph({ children: [run(c.street.name)] }),
          new Paragraph({ children: [run(confirmed(letter.streetConfirmedBy, letter.streetConfirmedAt))] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 240 }, children: [run(`生成日期：${chineseDate(c.date)}`)] }),
          new Paragraph({ spacing: { before: 240 }, children: [run("内容校验码（SHA-256）：", { size: 18, color: "4B5563" })] }),
          new Paragraph({ children: [run(groupedHash(letter.contentHash), { size: 18 })] }),
          new Paragraph({ children: [run(`核验地址：${letter.verifyUrl}?hash=${letter.contentHash}`, { size: 16, color: "4B5563" })] }),
          new Paragraph({ children: [run("本文件为确认书的可编辑副本，以系统生成的 PDF 和校验码为准。", { size: 16, color: "4B5563" })] }),
          // Lines to sign and stamp the paper copy that is filed, one per side.
          ...signatureBlocks(c).flatMap((b, k) => [
            new Paragraph({ spacing: { before: k === 0 ? 480 : 240 }, children: [run(`${b.side}：${b.name}`, { bold: true })] }),
            new Paragraph({ spacing: { before: 120 }, children: [run(b.line)] }),
          ]),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
