import { DUTY_FIELDS, type DutyFieldKey, type LocalDutySnapshotItem } from "@/lib/local-duties/fields";

/** Fields shown in their own column (the department is shown under the duty's name). */
const COLUMNS = DUTY_FIELDS.filter((f) => f.key !== "departmentName");
const WIDE = new Set<DutyFieldKey>(["departmentDuty", "localDuty", "legalBasis"]);

/**
 * The published list in 黄陂's columns, from the one definition of a duty's fields; cards on a
 * phone, a table on wider screens. `labels` names the columns for this unit (社区职责, 市级部门职责 …).
 */
export function DutyTable({ items, labels }: { items: LocalDutySnapshotItem[]; labels: Record<DutyFieldKey, string> }) {
  return (
    <>
      <ol className="space-y-3 md:hidden">
        {items.map((i) => (
          <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
            <p className="font-medium text-slate-900">{i.position}. {i.name}</p>
            <p className="text-xs text-slate-500">{i.dutyType} · {i.departmentName}</p>
            {COLUMNS.filter((f) => f.key !== "name" && f.key !== "dutyType").map((f) => (
              <p key={f.key} className="mt-1"><span className="text-slate-500">{labels[f.key]}：</span>{i[f.key]}</p>
            ))}
          </li>
        ))}
      </ol>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block">
        <table className="min-w-full text-sm" data-testid="local-duty-table">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="whitespace-nowrap px-3 py-2 font-medium">序号</th>
              {COLUMNS.map((f) => (
                <th key={f.key} className="whitespace-nowrap px-3 py-2 font-medium">{labels[f.key]}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {items.map((i) => (
              <tr key={i.id}>
                <td className="px-3 py-2">{i.position}</td>
                {COLUMNS.map((f) =>
                  f.key === "name" ? (
                    <td key={f.key} className="px-3 py-2 font-medium">{i.name}<div className="text-xs font-normal text-slate-500">{i.departmentName}</div></td>
                  ) : (
                    <td key={f.key} className={WIDE.has(f.key) ? "min-w-48 px-3 py-2" : f.key === "dutyType" ? "whitespace-nowrap px-3 py-2" : "px-3 py-2"}>{i[f.key]}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
