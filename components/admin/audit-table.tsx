import Link from "next/link";
import type { AuditRow } from "@/lib/audit/queries";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import type { Role } from "@/lib/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { auditActionLabel, isWarningAction, subjectTypeLabel } from "./audit-labels";
import { table } from "./table";

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Top-level keys whose values differ, so a reader sees at once what an update touched. */
function changedKeys(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => k !== "updatedAt" && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <p className="mb-1 text-xs font-medium text-slate-500">{label}</p>
      <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs text-slate-700 ring-1 ring-slate-200">{pretty(value)}</pre>
    </div>
  );
}

/**
 * The before/after of one entry, in a row of its own under the entry so it can use the table's
 * full width. On a phone the table scrolls sideways; the panel stays in view (sticky left).
 */
function Changes({ before, after }: { before: unknown; after: unknown }) {
  const changed = changedKeys(before, after);
  const both = before != null && after != null;
  return (
    <details className="sticky left-3 max-w-[calc(100vw-3rem)] md:max-w-none">
      <summary className="cursor-pointer text-xs font-medium text-brand-600 hover:underline">
        变更内容{changed.length > 0 && <span className="font-normal text-slate-500">（{changed.join("、")}）</span>}
      </summary>
      <div className={both ? "mt-2 grid gap-2 lg:grid-cols-2" : "mt-2"}>
        {before != null && <JsonBlock label="变更前" value={before} />}
        {after != null && <JsonBlock label={both ? "变更后" : "内容"} value={after} />}
      </div>
    </details>
  );
}

function Subject({ row, linkUsers, linkUnits }: { row: AuditRow; linkUsers: boolean; linkUnits: boolean }) {
  if (!row.subjectType) return <span className="text-slate-500">—</span>;
  const label = `${subjectTypeLabel(row.subjectType)}${row.subjectId ? ` ${row.subjectType === "username" ? row.subjectId : `#${row.subjectId}`}` : ""}`;
  const href =
    row.subjectId && /^\d+$/.test(row.subjectId)
      ? row.subjectType === "user" && linkUsers
        ? `/admin/users/${row.subjectId}`
        : row.subjectType === "unit" && linkUnits
          ? `/admin/units/${row.subjectId}`
          : null
      : null;
  return href ? (
    <Link href={href} className="whitespace-nowrap text-brand-600 hover:underline">
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
  linkUsers?: boolean;
  linkUnits?: boolean;
  emptyTitle?: string;
  emptyText?: React.ReactNode;
}) {
  if (rows.length === 0) return <EmptyState title={emptyTitle}>{emptyText}</EmptyState>;
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
          const hasChanges = row.before != null || row.after != null;
          return (
            <tbody key={row.id.toString()} className="border-t border-slate-100" data-testid="audit-row" data-action={row.action}>
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
                <td className={`${table.td} whitespace-nowrap`}>
                  <span className={isWarningAction(row.action) ? "font-medium text-red-700" : "font-medium"}>{auditActionLabel(row.action)}</span>
                  {auditActionLabel(row.action) !== row.action && <span className="block text-xs text-slate-500">{row.action}</span>}
                </td>
                <td className={table.td}>
                  <Subject row={row} linkUsers={linkUsers} linkUnits={linkUnits} />
                </td>
                <td className={`${table.td} whitespace-nowrap font-mono text-xs text-slate-600`}>{row.address ?? "—"}</td>
              </tr>
              {hasChanges && (
                <tr>
                  <td colSpan={7} className="px-3 pb-2 pt-0">
                    <Changes before={row.before} after={row.after} />
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
