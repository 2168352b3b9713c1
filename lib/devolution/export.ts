import ExcelJS from "exceljs";
import { neutraliseValue } from "@/lib/export-cells";
import { addTableSheet, CELL_BORDER, writeHeader, writeTitle } from "@/lib/xlsx-style";
import type { Dashboard, ItemRow } from "./queries/readers";
import { DECISION_LABELS, RESPONSE_LABELS, STATE_LABELS } from "./state";

type Col = { header: string; width: number; percent?: boolean };

/** A titled, bordered sheet; text cells that a spreadsheet would run as formulas are neutralised. */
function sheet(workbook: ExcelJS.Workbook, name: string, title: string, columns: Col[], rows: (string | number | null)[][]) {
  const ws = addTableSheet(workbook, name, 2, columns.map((c) => ({ width: c.width })));
  writeTitle(ws, 1, columns.length, title, { size: 14, height: 28 });
  writeHeader(ws, 2, columns.map((c) => c.header));
  rows.forEach((values, r) => {
    const row = ws.getRow(r + 3);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = neutraliseValue(v);
      if (columns[i].percent && typeof v === "number") cell.numFmt = "0.0%";
      cell.alignment = { vertical: "top", wrapText: typeof v === "string" };
      cell.border = CELL_BORDER;
    });
  });
}

const num = (v: number | null) => v;

export async function roundWorkbook(options: { title: string; generatedAt: Date; dashboard: Dashboard; details: ItemRow[] | null }): Promise<Buffer> {
  const { dashboard: d } = options;
  const wb = new ExcelJS.Workbook();
  wb.creator = "清单";
  wb.created = options.generatedAt;

  const o = d.overall;
  sheet(wb, "总体", `${options.title}——总体情况`, [
    { header: "指标", width: 30 }, { header: "数值", width: 16 },
  ], [
    ["街道（乡镇）×事项（条）", o.total],
    ["已确定", o.settled],
    ["承接", o.accepted],
    ["暂缓", o.deferred],
    ["不承接", o.declined],
    ["有异议", o.disputed],
    ["待部门答复", o.awaitingProposal],
    ["待街道确认", o.awaitingResponse],
    ["未分派部门", o.unassigned],
    ["承接率（已确定事项中）", num(o.acceptanceRate)],
    ["行政处罚占承接事项比例", o.accepted ? o.acceptedPenalty / o.accepted : null],
    ["街道×部门组数", d.progress.pairs],
    ["已全部一致的组数", d.progress.settledPairs],
    ["已确认的确认书", d.progress.lettersConfirmed],
    ["待签认的确认书", d.progress.lettersPending],
  ]);
  // Rates in the 数值 column: percent format on the rate rows only.
  const overall = wb.getWorksheet("总体")!;
  for (const r of [12, 13]) overall.getRow(r).getCell(2).numFmt = "0.0%";

  sheet(wb, "街道对比", `${options.title}——各街道（乡镇）对比`, [
    { header: "区（县）", width: 12 }, { header: "街道（乡镇）", width: 20 }, { header: "事项数", width: 9 }, { header: "已确定", width: 9 },
    { header: "承接", width: 8 }, { header: "暂缓", width: 8 }, { header: "不承接", width: 8 }, { header: "有异议", width: 8 },
    { header: "待部门答复", width: 10 }, { header: "待街道确认", width: 10 }, { header: "承接率", width: 9, percent: true },
    { header: "行政处罚占承接比例", width: 12, percent: true }, { header: "街道×部门组数", width: 10 }, { header: "已一致组数", width: 10 },
    { header: "已确认确认书", width: 10 },
  ], d.streets.map((s) => [
    s.district, s.name, s.total, s.settled, s.accepted, s.deferred, s.declined, s.disputed, s.awaitingProposal, s.awaitingResponse,
    num(s.acceptanceRate), s.accepted ? s.acceptedPenalty / s.accepted : null, s.pairs, s.settledPairs, s.lettersConfirmed,
  ]));

  const groupCols: Col[] = [
    { header: "名称", width: 18 }, { header: "事项数", width: 9 }, { header: "已确定", width: 9 }, { header: "承接", width: 8 },
    { header: "暂缓", width: 8 }, { header: "不承接", width: 8 }, { header: "承接率", width: 9, percent: true }, { header: "占全部承接比例", width: 12, percent: true },
  ];
  const groupRows = (groups: Dashboard["powerTypes"]) =>
    groups.map((g) => [g.name, g.total, g.settled, g.accepted, g.deferred, g.declined, num(g.acceptanceRate), o.accepted ? g.accepted / o.accepted : null]);
  sheet(wb, "按权力类型", `${options.title}——按权力类型`, groupCols, groupRows(d.powerTypes));
  sheet(wb, "按领域", `${options.title}——按领域`, groupCols, groupRows(d.domains));

  if (options.details) {
    sheet(wb, "明细", `${options.title}——逐项明细`, [
      { header: "街道（乡镇）", width: 16 }, { header: "序号", width: 6 }, { header: "事项名称", width: 36 }, { header: "权力类型", width: 10 },
      { header: "领域", width: 10 }, { header: "部门", width: 14 }, { header: "部门意见", width: 9 }, { header: "理由", width: 28 },
      { header: "街道承担职责", width: 32 }, { header: "部门保留职责", width: 32 }, { header: "街道回复", width: 9 }, { header: "回复理由", width: 24 },
      { header: "结果", width: 9 }, { header: "状态", width: 12 },
    ], options.details.map((r) => [
      r.streetName, r.seq, r.name, r.powerType, r.domain, r.departmentName, r.proposal ? DECISION_LABELS[r.proposal] : "", r.reason,
      r.streetDuty, r.departmentDuty, r.response ? RESPONSE_LABELS[r.response] : "", r.responseReason,
      r.decision ? DECISION_LABELS[r.decision] + (r.arbitrated ? "（裁决）" : "") : "", STATE_LABELS[r.state],
    ]));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
