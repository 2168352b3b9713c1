"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useAction } from "@/components/ui/use-action";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { buttonClass, cx, inputClass } from "@/components/ui/cx";
import { changePairsAction, resetPairsAction, setUnitPairsAction } from "@/lib/evaluation/actions";
import { PAIR_DIRECTIONS, PAIR_DIRECTION_LABELS } from "@/lib/evaluation/schema";
import type { PairGroup, PairUnit } from "@/lib/evaluation/queries";

type Selected = { unitId: number; rates: number[]; ratedBy: number[] };
type Props = {
  roundId: number;
  units: PairUnit[];
  groups: PairGroup[];
  totals: { street: number; department: number };
  selected: Selected | null;
};

const LIST_LIMIT = 50;
const n = (v: number) => v.toLocaleString("zh-CN");

function Msg({ error, ok }: { error?: string | null; ok?: string | null }) {
  if (error) return <p role="alert" className="text-sm text-red-600" data-testid="form-error">{error}</p>;
  if (ok) return <p role="status" className="text-sm text-emerald-700">{ok}</p>;
  return null;
}

/**
 * Who rates whom, for a province: counts, bulk changes by district and department, and one unit
 * at a time (found by name) instead of a street x department grid. Every change is a server action
 * that checks the round, the units and the direction again.
 */
export function PairEditor({ roundId, units, groups, totals, selected }: Props) {
  const groupName = useMemo(() => new Map(groups.map((g) => [g.id, g.name])), [groups]);
  const streets = units.filter((u) => u.kind === "STREET");
  const departments = units.filter((u) => u.kind === "DEPARTMENT");
  const noRates = units.filter((u) => u.rates === 0).length;
  const noRaters = units.filter((u) => u.ratedBy === 0).length;
  const unit = selected ? units.find((u) => u.id === selected.unitId) : undefined;
  return (
    <div className="space-y-4">
      <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="pair-summary">
        <div className="flex flex-wrap gap-x-6 gap-y-1">
          <span>街道（乡镇）评部门 <strong className="tabular-nums">{n(totals.street)}</strong> 组</span>
          <span>部门评街道（乡镇） <strong className="tabular-nums">{n(totals.department)}</strong> 组</span>
          <span className="text-slate-500">参评街道（乡镇）{n(streets.length)} 个、部门 {n(departments.length)} 个；每个方向最多 {n(streets.length * departments.length)} 组</span>
        </div>
        {(noRates > 0 || noRaters > 0) && (
          <p className="mt-2 text-amber-700" data-testid="pair-gaps">
            {noRates > 0 && <>{n(noRates)} 个单位不评价任何单位{noRaters > 0 && "；"}</>}
            {noRaters > 0 && <>{n(noRaters)} 个单位没有单位评价它</>}
            。可在下方「按单位调整」中勾选「只看未安排的单位」查看。
          </p>
        )}
      </div>
      <BulkPanel roundId={roundId} groups={groups} streets={streets} departments={departments} />
      <UnitFinder units={units} groupName={groupName} selectedId={selected?.unitId ?? null} />
      {selected && unit && <UnitPanel key={unit.id} roundId={roundId} unit={unit} units={units} groups={groups} selected={selected} />}
    </div>
  );
}

function BulkPanel({ roundId, groups, streets, departments }: { roundId: number; groups: PairGroup[]; streets: PairUnit[]; departments: PairUnit[] }) {
  const router = useRouter();
  const [direction, setDirection] = useState<(typeof PAIR_DIRECTIONS)[number]>("BOTH");
  const [districtId, setDistrictId] = useState("");
  const [departmentId, setDepartmentId] = useState("");
  const [ok, setOk] = useState<string | null>(null);
  const change = useAction(changePairsAction);
  const reset = useAction(resetPairsAction);
  const streetGroups = groups.filter((g) => streets.some((s) => s.groupId === g.id));
  const deptGroups = groups.filter((g) => departments.some((d) => d.groupId === g.id));
  const inScope = districtId ? streets.filter((s) => s.groupId === Number(districtId)).length : streets.length;
  const deptCount = departmentId ? 1 : departments.length;
  const perDirection = inScope * deptCount;
  const run = (op: "add" | "remove") => {
    setOk(null);
    change.run({ roundId, op, direction, districtId: districtId || null, departmentId: departmentId || null }, (d) => {
      setOk(
        op === "add"
          ? `已添加 ${n(d.changed)} 组评价关系${d.considered > d.changed ? `（其余 ${n(d.considered - d.changed)} 组原已存在）` : ""}。`
          : `已移除 ${n(d.changed)} 组评价关系。`,
      );
      router.refresh();
    });
  };
  const label = "text-xs font-medium text-slate-600";
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="bulk-h">
      <h3 id="bulk-h" className="font-medium">批量调整</h3>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="space-y-1">
          <span className={label}>评价方向</span>
          <select className={inputClass} value={direction} onChange={(e) => setDirection(e.target.value as typeof direction)} aria-label="评价方向">
            {PAIR_DIRECTIONS.map((d) => <option key={d} value={d}>{PAIR_DIRECTION_LABELS[d]}</option>)}
          </select>
        </label>
        <label className="space-y-1">
          <span className={label}>街道（乡镇）范围</span>
          <select className={inputClass} value={districtId} onChange={(e) => setDistrictId(e.target.value)} aria-label="街道（乡镇）范围">
            <option value="">全部街道（乡镇）（{n(streets.length)} 个）</option>
            {streetGroups.map((g) => <option key={g.id} value={g.id}>{g.name}（{n(streets.filter((s) => s.groupId === g.id).length)} 个）</option>)}
          </select>
        </label>
        <label className="space-y-1">
          <span className={label}>部门范围</span>
          <select className={inputClass} value={departmentId} onChange={(e) => setDepartmentId(e.target.value)} aria-label="部门范围">
            <option value="">全部部门（{n(departments.length)} 个）</option>
            {deptGroups.map((g) => (
              <optgroup key={g.id} label={g.name}>
                {departments.filter((d) => d.groupId === g.id).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
              </optgroup>
            ))}
            {departments.some((d) => d.groupId == null) && (
              <optgroup label="其他">
                {departments.filter((d) => d.groupId == null).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
              </optgroup>
            )}
          </select>
        </label>
      </div>
      <p className="text-sm text-slate-600" data-testid="bulk-scope">
        涉及 {n(inScope)} 个街道（乡镇）× {n(deptCount)} 个部门，{direction === "BOTH" ? `两个方向共 ${n(perDirection * 2)}` : n(perDirection)} 组。
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass.secondary} disabled={change.pending || perDirection === 0} onClick={() => run("add")}>
          {change.pending ? "正在处理…" : "添加评价关系"}
        </button>
        <ConfirmButton
          title="移除这些评价关系？"
          message={`将移除 ${n(inScope)} 个街道（乡镇）与 ${n(deptCount)} 个部门之间「${PAIR_DIRECTION_LABELS[direction]}」的评价关系；开始评分前可以再添加。`}
          confirmLabel="移除"
          pending={change.pending}
          disabled={perDirection === 0}
          onConfirm={() => run("remove")}
        >
          移除评价关系
        </ConfirmButton>
        <span className="mx-1 hidden h-5 w-px bg-slate-200 sm:inline-block" aria-hidden />
        <ConfirmButton
          title="恢复为全部相关评价关系？"
          message="将清除现有的评价关系，改为：每个街道（乡镇）与本区县的部门及市级部门相互评价。"
          confirmLabel="恢复"
          pending={reset.pending}
          onConfirm={() => {
            setOk(null);
            reset.run({ roundId }, (d) => {
              setOk(`已恢复为全部相关评价关系：街道（乡镇）评部门 ${n(d.street)} 组，部门评街道（乡镇）${n(d.department)} 组。`);
              router.refresh();
            });
          }}
        >
          恢复为全部相关评价关系
        </ConfirmButton>
      </div>
      <p className="text-xs text-slate-500">「相关」指同一区县的街道（乡镇）与部门，以及市级部门与全市街道（乡镇）；新建考评时默认如此。</p>
      <Msg error={change.fieldErrors.districtId ?? change.fieldErrors.departmentId ?? change.error ?? reset.error} ok={ok} />
    </section>
  );
}

function UnitFinder({ units, groupName, selectedId }: { units: PairUnit[]; groupName: Map<number, string>; selectedId: number | null }) {
  const pathname = usePathname();
  const [q, setQ] = useState("");
  const [kind, setKind] = useState<"" | PairUnit["kind"]>("");
  const [gaps, setGaps] = useState(false);
  const term = q.trim();
  const matches = units.filter(
    (u) => (!kind || u.kind === kind) && (!gaps || u.rates === 0 || u.ratedBy === 0) && (!term || u.name.includes(term) || (u.groupId != null && groupName.get(u.groupId)?.includes(term))),
  );
  const shown = matches.slice(0, LIST_LIMIT);
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="finder-h">
      <h3 id="finder-h" className="font-medium">按单位调整</h3>
      <div className="flex flex-wrap items-center gap-3">
        {/* inputClass is full width: the wrappers set the widths. */}
        <div className="w-72 max-w-full">
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="输入单位或区县名称，如：东湖" aria-label="查找单位" className={inputClass} />
        </div>
        <div className="w-48">
          <select className={inputClass} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} aria-label="单位类型">
            <option value="">街道（乡镇）和部门</option>
            <option value="STREET">只看街道（乡镇）</option>
            <option value="DEPARTMENT">只看部门</option>
          </select>
        </div>
        <label className="flex items-center gap-1 text-sm text-slate-700">
          <input type="checkbox" checked={gaps} onChange={(e) => setGaps(e.target.checked)} /> 只看未安排的单位
        </label>
      </div>
      <div className="max-h-[28rem] overflow-auto rounded border border-slate-100">
        <table className="min-w-full text-sm" data-testid="pair-units">
          <thead className="sticky top-0 bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">单位</th>
              <th className="px-3 py-2 font-medium">所属</th>
              <th className="px-3 py-2 text-right font-medium">评价（个）</th>
              <th className="px-3 py-2 text-right font-medium">被评价（个）</th>
              <th className="px-3 py-2"><span className="sr-only">操作</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((u) => (
              <tr key={u.id} className={u.id === selectedId ? "bg-brand-50" : undefined}>
                <td className="px-3 py-1.5">{u.name}<span className="ml-2 text-xs text-slate-500">{u.kind === "STREET" ? "街道（乡镇）" : "部门"}</span></td>
                <td className="px-3 py-1.5 text-slate-600">{u.groupId != null ? groupName.get(u.groupId) : "—"}</td>
                <td className={cx("px-3 py-1.5 text-right tabular-nums", u.rates === 0 && "font-medium text-amber-700")}>{n(u.rates)}</td>
                <td className={cx("px-3 py-1.5 text-right tabular-nums", u.ratedBy === 0 && "font-medium text-amber-700")}>{n(u.ratedBy)}</td>
                <td className="px-3 py-1.5 text-right">
                  <Link href={`${pathname}?unit=${u.id}#unit-pairs`} scroll={false} className="text-brand-700 hover:underline" aria-label={`调整${u.name}的评价关系`}>调整</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500" data-testid="pair-units-count">
        {matches.length === 0 ? "没有符合条件的单位。" : matches.length > LIST_LIMIT ? `共 ${n(matches.length)} 个单位，显示前 ${LIST_LIMIT} 个；请输入名称缩小范围。` : `共 ${n(matches.length)} 个单位。`}
      </p>
    </section>
  );
}

function UnitPanel({ roundId, unit, units, groups, selected }: { roundId: number; unit: PairUnit; units: PairUnit[]; groups: PairGroup[]; selected: Selected }) {
  const pathname = usePathname();
  const candidates = units.filter((u) => u.kind !== unit.kind);
  const them = unit.kind === "STREET" ? "部门" : "街道（乡镇）";
  return (
    <section id="unit-pairs" className="space-y-3 rounded-lg border border-brand-100 bg-white p-4" aria-labelledby="unit-h" data-testid="unit-pairs">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="unit-h" className="font-medium">{unit.name}的评价关系</h3>
        <Link href={pathname} scroll={false} className="text-sm text-brand-700 hover:underline">收起</Link>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <CounterpartPicker roundId={roundId} unit={unit} direction="RATES" title={`${unit.name}评价的${them}`} candidates={candidates} groups={groups} initial={selected.rates} />
        <CounterpartPicker roundId={roundId} unit={unit} direction="RATED_BY" title={`评价${unit.name}的${them}`} candidates={candidates} groups={groups} initial={selected.ratedBy} />
      </div>
    </section>
  );
}

function CounterpartPicker({
  roundId, unit, direction, title, candidates, groups, initial,
}: { roundId: number; unit: PairUnit; direction: "RATES" | "RATED_BY"; title: string; candidates: PairUnit[]; groups: PairGroup[]; initial: number[] }) {
  const router = useRouter();
  const [chosen, setChosen] = useState(() => new Set(initial));
  const [saved, setSaved] = useState(() => new Set(initial));
  const [filter, setFilter] = useState("");
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const [ok, setOk] = useState<string | null>(null);
  const { run, pending, error, fieldErrors } = useAction(setUnitPairsAction);
  // After a refresh (this save, or a bulk change) the server's pairs win, unless there are edits.
  const initialKey = initial.join(",");
  const [seen, setSeen] = useState(initialKey);
  if (seen !== initialKey) {
    setSeen(initialKey);
    const dirtyNow = chosen.size !== saved.size || [...chosen].some((id) => !saved.has(id));
    if (!dirtyNow) setChosen(new Set(initial));
    setSaved(new Set(initial));
  }
  const term = filter.trim();
  const sections = useMemo(() => {
    const byGroup = new Map<string, { key: string; name: string; members: PairUnit[] }>();
    const name = new Map(groups.map((g) => [g.id, g.name]));
    for (const c of candidates) {
      const key = String(c.groupId ?? "none");
      const s = byGroup.get(key) ?? { key, name: c.groupId != null ? (name.get(c.groupId) ?? "其他") : "其他", members: [] };
      s.members.push(c);
      byGroup.set(key, s);
    }
    return [...byGroup.values()];
  }, [candidates, groups]);
  const dirty = chosen.size !== saved.size || [...chosen].some((id) => !saved.has(id));
  const setMany = (ids: number[], on: boolean) => {
    const next = new Set(chosen);
    for (const id of ids) if (on) next.add(id); else next.delete(id);
    setChosen(next);
  };
  const small = candidates.length <= 60;
  const label = (direction === "RATES" ? "评价" : "被评价") + "：";
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3" data-testid={`picker-${direction}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="text-sm font-medium">{title}</h4>
        <span className="text-sm tabular-nums text-slate-600" data-testid={`picker-count-${direction}`}>已选 {n(chosen.size)} / {n(candidates.length)}</span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <div className="w-40">
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="筛选名称" aria-label={`${title}：筛选名称`} className={inputClass} />
        </div>
        <button type="button" className={buttonClass.small} onClick={() => setMany(candidates.map((c) => c.id), true)}>全选</button>
        <button type="button" className={buttonClass.small} onClick={() => setMany(candidates.map((c) => c.id), false)}>全不选</button>
      </div>
      <div className="max-h-96 space-y-1 overflow-y-auto pr-1">
        {sections.map((s) => {
          const members = term ? s.members.filter((m) => m.name.includes(term)) : s.members;
          if (!members.length) return null;
          const picked = s.members.filter((m) => chosen.has(m.id)).length;
          const expanded = small || !!term || open.has(s.key);
          return (
            <div key={s.key} className="rounded border border-slate-100">
              <div className="flex flex-wrap items-center justify-between gap-2 bg-slate-50 px-2 py-1 text-xs">
                <button
                  type="button"
                  className="font-medium text-slate-700"
                  aria-expanded={expanded}
                  onClick={() => setOpen((o) => { const next = new Set(o); if (next.has(s.key)) next.delete(s.key); else next.add(s.key); return next; })}
                  disabled={small || !!term}
                >
                  {!small && !term && (expanded ? "▾ " : "▸ ")}{s.name}
                  <span className="ml-2 font-normal tabular-nums text-slate-500">{picked} / {s.members.length}</span>
                </button>
                <span className="flex gap-1">
                  <button type="button" className="text-brand-700 hover:underline" onClick={() => setMany(members.map((m) => m.id), true)} aria-label={`${label}${s.name}全选`}>全选</button>
                  <button type="button" className="text-brand-700 hover:underline" onClick={() => setMany(members.map((m) => m.id), false)} aria-label={`${label}${s.name}全不选`}>全不选</button>
                </span>
              </div>
              {expanded && (
                <ul className="grid gap-x-3 px-2 py-1 sm:grid-cols-2">
                  {members.map((m) => (
                    <li key={m.id}>
                      <label className="flex items-center gap-2 py-0.5 text-sm">
                        <input type="checkbox" checked={chosen.has(m.id)} onChange={(e) => setMany([m.id], e.target.checked)} aria-label={direction === "RATES" ? `${unit.name}评价${m.name}` : `${m.name}评价${unit.name}`} />
                        <span className="truncate" title={m.name}>{m.name}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={buttonClass.primary}
          disabled={pending || !dirty}
          onClick={() => {
            setOk(null);
            run({ roundId, unitId: unit.id, direction, counterpartIds: [...chosen] }, (d) => {
              setSaved(new Set(chosen));
              setOk(`已保存：${n(d.pairs)} 组（新增 ${n(d.added)}，移除 ${n(d.removed)}）。`);
              router.refresh();
            });
          }}
        >
          {pending ? "正在保存…" : "保存"}
        </button>
        {dirty && <span className="text-xs text-amber-700">有未保存的修改</span>}
      </div>
      <Msg error={fieldErrors.counterpartIds ?? error} ok={ok} />
    </div>
  );
}
