import { formatDateTime } from "@/lib/format";
import { table } from "./table";

type Report = {
  id: number;
  source: string;
  fileName: string;
  sha256: string;
  size: number;
  itemCount: number;
  subItemCount: number;
  skippedCount: number;
  excludedCount: number;
  warningCount: number;
  warnings: unknown;
  createdByName: string | null;
  createdAt: Date;
};

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ImportReports({ reports }: { reports: Report[] }) {
  return (
    <section className="space-y-2" data-testid="import-reports">
      <h2 className="text-base font-semibold text-slate-800">导入记录</h2>
      <div className={table.wrapper}>
        <table className={table.table}>
          <thead className={table.thead}>
            <tr>
              <th scope="col" className={table.th}>时间</th>
              <th scope="col" className={table.th}>文件</th>
              <th scope="col" className={`${table.th} text-right`}>导入事项</th>
              <th scope="col" className={`${table.th} text-right`}>跳过 / 排除</th>
              <th scope="col" className={table.th}>提示</th>
              <th scope="col" className={table.th}>操作人</th>
            </tr>
          </thead>
          <tbody className={table.tbody}>
            {reports.map((r) => {
              const warnings = Array.isArray(r.warnings) ? (r.warnings as string[]) : [];
              return (
                <tr key={r.id}>
                  <td className={`${table.td} whitespace-nowrap tabular-nums`}>{formatDateTime(r.createdAt)}</td>
                  <td className={`${table.td} min-w-[12rem]`}>
                    {r.fileName}
                    <span className="block text-xs text-slate-500" title={`SHA-256 ${r.sha256}`}>
                      {formatSize(r.size)} · {r.sha256.slice(0, 12)}
                    </span>
                  </td>
                  <td className={`${table.td} whitespace-nowrap text-right tabular-nums`}>
                    {r.itemCount}
                    {r.subItemCount > 0 && <span className="block text-xs text-slate-500">子项 {r.subItemCount}</span>}
                  </td>
                  <td className={`${table.td} whitespace-nowrap text-right tabular-nums`}>
                    {r.skippedCount} / {r.excludedCount}
                  </td>
                  <td className={`${table.td} min-w-[14rem]`}>
                    {warnings.length === 0 ? (
                      <span className="text-slate-500">无</span>
                    ) : (
                      <details>
                        <summary className="cursor-pointer text-amber-700">{r.warningCount} 条提示</summary>
                        <ul className="mt-1 max-h-60 list-disc space-y-0.5 overflow-y-auto pl-4 text-xs text-slate-600">
                          {warnings.slice(0, 200).map((w, i) => (
                            <li key={i}>{w}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                  <td className={`${table.td} whitespace-nowrap`}>{r.source === "CLI" ? "命令行导入" : (r.createdByName ?? "—")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
