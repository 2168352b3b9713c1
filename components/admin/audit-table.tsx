import Link from "next/link";
import type { AuditRow } from "@/lib/audit/queries";
import { AUDIT_OUTCOMES, auditActionLabel, auditAreaLabel, auditSubject, isWarningAction, subjectHref, subjectText, type AuditOutcomeName } from "@/lib/audit/events";
import { describeChanges, type FieldChange } from "@/lib/audit/render";
import type { Permission } from "@/lib/auth/policy";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import type { Role } from "@/lib/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { table } from "@/components/ui/table";

/** Longer values are folded: the first part shows, the rest opens on a click. */
const FOLD_AT = 120;

function Value({ text, tone }: { text: string | undefined; tone: "before" | "after" }) {
  if (text === undefined) return <span className="text-slate-400">—</span>;
  const color = tone === "before" ? "text-slate-600" : "text-slate-900";
  if (text.length <= FOLD_AT) return <span className={`whitespace-pre-wrap break-words ${color}`}>{text}</span>;
  return (
    <details className={color} data-testid="audit-long-value">
      <summary className="cursor-pointer whitespace-pre-wrap break-words marker:text-brand-600">
        {text.slice(0, FOLD_AT)}…<span className="ml-1 text-xs text-brand-600">展开全文（{text.length} 字）</span>
      </summary>
      <p className="mt-1 whitespace-pre-wrap break-words">{text}</p>
    </details>
  );
}

/** The fields an entry changed, one per line: 字段 · 变更前 → 变更后. */
function ChangeTable({ changes }: { changes: FieldChange[] }) {
  const hasBefore = changes.some((c) => c.before !== undefined);
  const hasAfter = changes.some((c) => c.after !== undefined);
  return (
    <table className="mt-2 w-full table-fixed text-xs" data-testid="audit-changes">
      <thead className="text-left text-slate-500">
        <tr>
          <th scope="col" className="w-40 py-1 pr-3 font-medium">字段</th>
          {hasBefore && <th scope="col" className="py-1 pr-3 font-medium">{hasAfter ? "变更前" : "删除前的内容"}</th>}
          {hasAfter && <th scope="col" className="py-1 font-medium">{hasBefore ? "变更后" : "内容"}</th>}
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.key || "_"} className="border-t border-slate-100 align-top" data-testid="audit-change" data-field={c.key}>
            <th scope="row" className="py-1 pr-3 text-left font-medium text-slate-700">{c.label}</th>
            {hasBefore && (
              <td className="py-1 pr-3">
                <Value text={c.before} tone="before" />
              </td>
            )}
            {hasAfter && (
              <td className="py-1">
                {hasBefore && c.before !== undefined && <span aria-hidden className="mr-1 text-slate-400">→</span>}
                <Value text={c.after} tone="after" />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * What an entry changed, in a row of its own under the entry so it can use the table's full
 * width. On a phone the table scrolls sideways; the panel stays in view (sticky left).
 */
function Changes({ row, href }: { row: AuditRow; href: string | null }) {
  const changes = describeChanges(row.before, row.after, row.subjectType);
  if (changes.length === 0) return null;
  const names = changes.map((c) => c.label);
  return (
    <details className="sticky left-3 max-w-[calc(100vw-3rem)] md:max-w-none" data-testid="audit-details">
      <summary className="cursor-pointer text-xs font-medium text-brand-600 hover:underline">
        变更内容
        <span className="font-normal text-slate-500">
          （{names.slice(0, 6).join("、")}
          {names.length > 6 ? ` 等 ${names.length} 项` : ""}）
        </span>
      </summary>
      <div className="rounded bg-slate-50 px-3 pb-2 ring-1 ring-slate-200">
        <ChangeTable changes={changes} />
        {href && (
          <p className="mt-2 text-xs">
            <Link href={href} className="text-brand-600 hover:underline">查看{subjectText(row.subjectType, row.subjectId)} →</Link>
          </p>
        )}
      </div>
    </details>
  );
}

function Subject({ row, href }: { row: AuditRow; href: string | null }) {
  if (!row.subjectType) return <span className="text-slate-500">—</span>;
  const label = subjectText(row.subjectType, row.subjectId);
  return href ? (
    <Link href={href} className="whitespace-nowrap text-brand-600 hover:underline" data-testid="audit-subject-link">
      {label}
    </Link>
  ) : (
    <span className="whitespace-nowrap">{label}</span>
  );
}

function roleLabels(roles: string | null): string[] {
  if (!roles) return [];
  return roles.split(",").filter(Boolean).map((r) => ROLE_LABELS[r as Role] ?? r);
}

export function AuditTable({
  rows,
  linkUsers = false,
  linkUnits = false,
  emptyTitle = "没有审计记录",
  emptyText,
}: {
  rows: AuditRow[];
  /** Whether the reader may open account pages (the links to other pages check on their own). */
  linkUsers?: boolean;
  linkUnits?: boolean;
  emptyTitle?: string;
  emptyText?: React.ReactNode;
}) {
  if (rows.length === 0) return <EmptyState title={emptyTitle}>{emptyText}</EmptyState>;
  const allowed = (permission: Permission | undefined) =>
    permission === undefined || (permission === "user.read" ? linkUsers : permission === "unit.read" ? linkUnits : true);
  const hrefOf = (row: AuditRow) =>
    row.subjectType && allowed(auditSubject(row.subjectType)?.permission) ? subjectHref(row.subjectType, row.subjectId, row.parentId) : null;
  return (
    <div className={table.wrapper}>
      <table className="min-w-full text-sm" data-testid="audit-table">
        <thead className={table.thead}>
          <tr>
            <th scope="col" className={table.th}>时间</th>
            <th scope="col" className={table.th}>操作人</th>
            <th scope="col" className={table.th}>角色</th>
            <th scope="col" className={table.th}>单位</th>
            <th scope="col" className={table.th}>操作</th>
            <th scope="col" className={table.th}>对象</th>
            <th scope="col" className={table.th}>来源地址</th>
          </tr>
        </thead>
        {rows.map((row) => {
          const href = hrefOf(row);
          const warning = isWarningAction(row.action, row.outcome);
          return (
            <tbody key={row.id.toString()} className="border-t border-slate-100" data-testid="audit-row" data-action={row.action} data-outcome={row.outcome}>
              <tr>
                <td className={`${table.td} whitespace-nowrap tabular-nums text-slate-600`}>{formatDateTime(row.at)}</td>
                <td className={`${table.td} whitespace-nowrap`}>
                  {row.actorName ? (
                    row.actorId && linkUsers ? (
                      <Link href={`/admin/users/${row.actorId}`} className="text-brand-600 hover:underline">
                        {row.actorName}
                      </Link>
                    ) : (
                      row.actorName
                    )
                  ) : (
                    <span className="text-slate-500">未登录</span>
                  )}
                </td>
                <td className={table.td}>
                  <span className="flex flex-wrap gap-1">
                    {roleLabels(row.actorRoles).map((label) => (
                      <Badge key={label}>{label}</Badge>
                    ))}
                  </span>
                </td>
                <td className={`${table.td} min-w-[8rem]`}>{row.unitName ?? <span className="text-slate-500">—</span>}</td>
                <td className={`${table.td} min-w-[10rem]`}>
                  <span className={warning ? "font-medium text-red-700" : "font-medium"} data-testid="audit-action">{auditActionLabel(row.action)}</span>
                  {row.outcome !== "SUCCESS" && (
                    <span className="ml-1.5">
                      <Badge tone="red">{AUDIT_OUTCOMES[row.outcome as AuditOutcomeName] ?? row.outcome}</Badge>
                    </span>
                  )}
                  <span className="block text-xs text-slate-500">{auditAreaLabel(row.action)}</span>
                </td>
                <td className={table.td}>
                  <Subject row={row} href={href} />
                </td>
                <td className={`${table.td} whitespace-nowrap font-mono text-xs text-slate-600`}>{row.address ?? "—"}</td>
              </tr>
              {(row.before != null || row.after != null) && (
                <tr>
                  <td colSpan={7} className="px-3 pb-2 pt-0">
                    <Changes row={row} href={href} />
                  </td>
                </tr>
              )}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
