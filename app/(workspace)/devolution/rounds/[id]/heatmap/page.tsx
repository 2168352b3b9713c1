import Link from "next/link";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { roundPage } from "@/lib/devolution/access";
import { heatMap, roundStreets } from "@/lib/devolution/queries";
import type { HeatCode } from "@/lib/devolution/queries";
import { buttonClass, cx, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { filterId } from "@/lib/validation";

export const metadata: Metadata = { title: "事项×街道热力图" };

const CELLS: Record<HeatCode, { label: string; className: string }> = {
  A: { label: "承接", className: "bg-emerald-500" },
  D: { label: "暂缓", className: "bg-amber-400" },
  N: { label: "不承接", className: "bg-red-500" },
  X: { label: "有异议", className: "bg-rose-300" },
  R: { label: "待街道确认", className: "bg-sky-300" },
  P: { label: "待部门答复", className: "bg-slate-200" },
  U: { label: "未分派", className: "bg-slate-400" },
};
const ORDER: HeatCode[] = ["A", "D", "N", "X", "R", "P", "U"];

/** Streets shown at once; a province picks a district. */
const MAX_COLUMNS = 40;

const short = (name: string) => name.replace(/(街道办事处|人民政府|街道)$/, "");

export default async function HeatmapPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { user, round } = await roundPage(id);
  if (!can(user, "devolution.stats")) forbidden();
  const streets = await roundStreets(round.id, user.area?.unitIds);
  const districts = [...new Map(streets.map((s) => [s.districtId ?? 0, s.district ?? "其他"])).entries()];
  const q = z.object({ district: filterId }).parse(await searchParams);
  const district = q.district ?? (streets.length > MAX_COLUMNS ? districts[0]?.[0] : undefined);
  const shown = (district === undefined ? streets : streets.filter((s) => (s.districtId ?? 0) === district)).slice(0, 200);
  const { items, cells } = await heatMap(round.id, shown.map((s) => s.id));
  const base = `/devolution/rounds/${round.id}/heatmap`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-2xl text-sm text-slate-600">
          每行一个事项，每列一个街道（乡镇），颜色表示当前状态。整行偏黄或偏红的事项，说明各地普遍难以承接，值得重点研究。
        </p>
        <form method="get" action={base} className="flex items-end gap-2" aria-label="选择区（县）">
          <div className="space-y-1">
            <label htmlFor="district" className="block text-sm font-medium text-slate-700">区（县）</label>
            <select id="district" name="district" defaultValue={district ?? ""} className={inputClass}>
              {streets.length <= MAX_COLUMNS && <option value="">全部</option>}
              {districts.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            </select>
          </div>
          <button type="submit" className={buttonClass.secondary}>查看</button>
        </form>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="图例">
        {ORDER.map((c) => (
          <li key={c} className="flex items-center gap-1"><span className={cx("inline-block h-3 w-3 rounded-sm", CELLS[c].className)} aria-hidden />{CELLS[c].label}</li>
        ))}
      </ul>
      {items.length === 0 || shown.length === 0 ? (
        <EmptyState title="没有可显示的事项" />
      ) : (
        <div className="max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="border-separate border-spacing-0 text-xs" data-testid="heatmap">
            <caption className="sr-only">事项×街道（乡镇）确认状态热力图</caption>
            <thead>
              <tr>
                <th scope="col" className="sticky left-0 top-0 z-20 min-w-[14rem] border-b border-slate-200 bg-slate-50 px-2 py-2 text-left font-semibold text-slate-600">事项</th>
                {shown.map((s) => (
                  <th key={s.id} scope="col" className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 px-0.5 py-2 font-normal text-slate-600">
                    <Link href={`/devolution/rounds/${round.id}/items?street=${s.id}`} className="block h-20 hover:text-brand-700 [writing-mode:vertical-rl]" title={s.name}>{short(s.name)}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row" className="sticky left-0 z-10 max-w-[16rem] truncate border-b border-slate-100 bg-white px-2 py-0.5 text-left font-normal text-slate-700" title={item.name}>
                    <span className="mr-1 tabular-nums text-slate-500">{item.seq}</span>{item.name}
                  </th>
                  {shown.map((s) => {
                    const code = cells.get(`${item.id}:${s.id}`);
                    return (
                      <td key={s.id} className="border-b border-slate-100 p-0.5">
                        {code ? (
                          <span className={cx("block h-4 w-4 rounded-sm", CELLS[code].className)} title={`${s.name}：${CELLS[code].label}`} aria-label={`${s.name}：${CELLS[code].label}`} role="img" />
                        ) : (
                          <span className="block h-4 w-4" />
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
