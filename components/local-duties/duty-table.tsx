import type { LocalDutySnapshotItem } from "@/lib/local-duties/commands";

/** The published list in 黄陂's columns; cards on a phone, a table on wider screens. */
export function DutyTable({ items }: { items: LocalDutySnapshotItem[] }) {
  return (
    <>
      <ol className="space-y-3 md:hidden">
        {items.map((i) => (
          <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
            <p className="font-medium text-slate-900">{i.position}. {i.name}</p>
            <p className="text-xs text-slate-500">{i.dutyType} · {i.departmentName}</p>
            <p className="mt-2"><span className="text-slate-500">区级部门职责：</span>{i.departmentDuty}</p>
            <p className="mt-1"><span className="text-slate-500">街道职责：</span>{i.localDuty}</p>
            <p className="mt-1"><span className="text-slate-500">依据：</span>{i.legalBasis}</p>
            <p className="mt-1"><span className="text-slate-500">主体责任：</span>{i.leadResponsibility}　<span className="text-slate-500">配合责任：</span>{i.supportResponsibility}</p>
          </li>
        ))}
      </ol>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block">
        <table className="min-w-full text-sm" data-testid="local-duty-table">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              {["序号", "事项类型", "事项名称", "区级部门职责", "街道职责", "法律法规及文件依据", "主体责任", "配合责任"].map((h) => (
                <th key={h} className="whitespace-nowrap px-3 py-2 font-medium">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {items.map((i) => (
              <tr key={i.id}>
                <td className="px-3 py-2">{i.position}</td>
                <td className="whitespace-nowrap px-3 py-2">{i.dutyType}</td>
                <td className="px-3 py-2 font-medium">{i.name}<div className="text-xs font-normal text-slate-500">{i.departmentName}</div></td>
                <td className="min-w-48 px-3 py-2">{i.departmentDuty}</td>
                <td className="min-w-48 px-3 py-2">{i.localDuty}</td>
                <td className="min-w-48 px-3 py-2">{i.legalBasis}</td>
                <td className="px-3 py-2">{i.leadResponsibility}</td>
                <td className="px-3 py-2">{i.supportResponsibility}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
