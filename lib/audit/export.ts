import ExcelJS from "exceljs";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import type { Role } from "@/lib/generated/prisma/enums";
import { addTableSheet, writeHeader, writeTextCell, writeTitle } from "@/lib/xlsx-style";
import { AUDIT_AREAS, AUDIT_OUTCOMES, auditActionLabel, auditAreaLabel, subjectText, type AuditOutcomeName } from "./events";
import { changeSummary } from "./render";
import type { AuditFilter } from "./schema";

export type AuditExportRow = {
  at: Date;
  actorName: string | null;
  actorRoles: string | null;
  unitName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  address: string | null;
  userAgent: string | null;
  outcome: string;
};

export const AUDIT_EXPORT_COLUMNS = [
  { header: "时间", width: 20 },
  { header: "操作人", width: 12 },
  { header: "角色", width: 16 },
  { header: "单位", width: 22 },
  { header: "业务领域", width: 12 },
  { header: "操作", width: 24 },
  { header: "结果", width: 8 },
  { header: "对象", width: 20 },
  { header: "变更内容", width: 60 },
  { header: "来源地址", width: 16 },
  { header: "浏览器", width: 30 },
] as const;

/** Excel's limit on the text of one cell. */
const CELL_MAX = 32_000;

export const OUTCOME_FILTER_LABELS: Record<NonNullable<AuditFilter["outcome"]>, string> = {
  ...AUDIT_OUTCOMES,
  PROBLEM: "全部安全事件",
};

function roleText(roles: string | null): string {
  return (roles ?? "")
    .split(",")
    .filter(Boolean)
    .map((r) => ROLE_LABELS[r as Role] ?? r)
    .join("、");
}

export function outcomeLabel(outcome: string): string {
  return AUDIT_OUTCOMES[outcome as AuditOutcomeName] ?? outcome;
}

/** The cells of one entry, in the order of AUDIT_EXPORT_COLUMNS. */
export function exportCells(row: AuditExportRow): string[] {
  const summary = changeSummary(row.before, row.after, row.subjectType);
  return [
    formatDateTime(row.at),
    row.actorName ?? "未登录",
    roleText(row.actorRoles),
    row.unitName ?? "",
    auditAreaLabel(row.action),
    auditActionLabel(row.action),
    outcomeLabel(row.outcome),
    subjectText(row.subjectType, row.subjectId),
    summary.length > CELL_MAX ? `${summary.slice(0, CELL_MAX)}…` : summary,
    row.address ?? "",
    row.userAgent ?? "",
  ];
}

/** The filter in words, for the line under the title: "业务领域：用户；结果：拒绝；2026-01-01 至 2026-01-31". */
export function filterDescription(filter: AuditFilter, unitName?: string | null): string {
  const parts: string[] = [];
  if (filter.area) parts.push(`业务领域：${AUDIT_AREAS[filter.area]}`);
  if (filter.action) parts.push(`操作：${filter.action.endsWith("*") ? filter.action : auditActionLabel(filter.action)}`);
  if (filter.outcome) parts.push(`结果：${OUTCOME_FILTER_LABELS[filter.outcome]}`);
  if (filter.actor) parts.push(`操作人：${filter.actor}`);
  if (filter.unitId) parts.push(`单位：${unitName ?? `#${filter.unitId}`}`);
  if (filter.subjectType) parts.push(`对象：${subjectText(filter.subjectType, filter.subjectId ?? null)}`);
  else if (filter.subjectId) parts.push(`对象编号：${filter.subjectId}`);
  if (filter.from || filter.to) parts.push(`日期：${filter.from ?? "最早"} 至 ${filter.to ?? "今天"}`);
  return parts.length ? parts.join("；") : "全部记录";
}

/** The filtered log as a styled workbook; `truncated` adds a line saying the export stops at `limit`. */
export async function auditWorkbook(
  rows: AuditExportRow[],
  opts: { description: string; truncated: boolean; limit: number; exportedAt?: Date },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "清单";
  const width = AUDIT_EXPORT_COLUMNS.length;
  const sheet = addTableSheet(workbook, "审计日志", 3, AUDIT_EXPORT_COLUMNS.map((c) => ({ width: c.width })));
  writeTitle(sheet, 1, width, "审计日志", { size: 14, height: 28 });
  const count = opts.truncated
    ? `记录超过 ${opts.limit.toLocaleString("en-US")} 条，只导出了最新的 ${opts.limit.toLocaleString("en-US")} 条，请缩小筛选范围后分批导出`
    : `共 ${rows.length} 条`;
  writeTitle(sheet, 2, width, `${opts.description} · ${count} · 导出于 ${formatDateTime(opts.exportedAt ?? new Date())}`, { size: 10, height: 20 });
  writeHeader(sheet, 3, AUDIT_EXPORT_COLUMNS.map((c) => c.header));
  rows.forEach((entry, r) => {
    const row = sheet.getRow(r + 4);
    exportCells(entry).forEach((text, c) => writeTextCell(row.getCell(c + 1), text));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
