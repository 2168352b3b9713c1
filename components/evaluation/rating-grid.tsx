"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useAction } from "@/components/ui/use-action";
import { buttonClass, cx, inputClass } from "@/components/ui/cx";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { saveScoresAction, submitSheetAction } from "@/lib/evaluation/actions";

type Indicator = { id: number; name: string; weight: number; scaleMin: number; scaleMax: number; description: string };
type Pair = { rateeUnitId: number; name: string; comment: string | null };

const PAGE = 50;

export function RatingGrid({
  roundId,
  indicators,
  pairs,
  scores,
  locked,
}: {
  roundId: number;
  indicators: Indicator[];
  pairs: Pair[];
  scores: { rateeUnitId: number; indicatorId: number; value: number }[];
  locked: boolean;
}) {
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(scores.map((s) => [`${s.rateeUnitId}.${s.indicatorId}`, String(s.value)])));
  const [comments, setComments] = useState<Record<number, string>>(() => Object.fromEntries(pairs.map((p) => [p.rateeUnitId, p.comment ?? ""])));
  const [dirty, setDirty] = useState(false);
  const [ok, setOk] = useState<string | null>(null);
  const [q, setQ] = useState("");
  const [page, setPage] = useState(0);
  const save = useAction(saveScoresAction);
  const submit = useAction(submitSheetAction);
  const pending = save.pending || submit.pending;
  const fieldErrors = { ...save.fieldErrors, ...submit.fieldErrors };
  const error = submit.error ?? save.error;

  const filled = Object.values(values).filter((v) => v.trim() !== "").length;
  const due = pairs.length * indicators.length;
  const shown = useMemo(() => pairs.filter((p) => !q || p.name.includes(q)), [pairs, q]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const visible = shown.slice(page * PAGE, page * PAGE + PAGE);

  const payload = () => ({
    roundId,
    cells: pairs.flatMap((p) => indicators.map((i) => ({ rateeUnitId: p.rateeUnitId, indicatorId: i.id, value: values[`${p.rateeUnitId}.${i.id}`] ?? "" }))),
    comments: pairs.map((p) => ({ rateeUnitId: p.rateeUnitId, comment: comments[p.rateeUnitId] ?? "" })),
  });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700" data-testid="rating-progress">
          已评 <strong>{filled}</strong> / {due} 项
          <span className="ml-2 inline-block h-2 w-32 overflow-hidden rounded bg-slate-100 align-middle" aria-hidden>
            <span className="block h-full bg-brand-600" style={{ width: `${due ? (filled / due) * 100 : 0}%` }} />
          </span>
        </p>
        {pairs.length > 10 && (
          <input
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(0);
            }}
            placeholder="按单位名称筛选"
            aria-label="按单位名称筛选"
            className={cx(inputClass, "max-w-xs")}
          />
        )}
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm" data-testid="rating-grid">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="sticky left-0 z-10 bg-slate-50 px-3 py-2 font-medium">被评价单位</th>
              {indicators.map((i) => (
                <th key={i.id} className="px-2 py-2 font-medium" title={i.description}>
                  {i.name}
                  <div className="text-xs font-normal text-slate-500">
                    权重 {i.weight}，{i.scaleMin}–{i.scaleMax} 分
                  </div>
                </th>
              ))}
              <th className="px-2 py-2 font-medium">评语（选填）</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {visible.map((p) => (
              <tr key={p.rateeUnitId} className="align-top">
                <th scope="row" className="sticky left-0 z-10 bg-white px-3 py-2 text-left font-medium text-slate-800">{p.name}</th>
                {indicators.map((i) => {
                  const key = `${p.rateeUnitId}.${i.id}`;
                  const err = fieldErrors[`cell.${key}`];
                  return (
                    <td key={i.id} className="px-2 py-2">
                      <input
                        type="number"
                        inputMode="numeric"
                        min={i.scaleMin}
                        max={i.scaleMax}
                        step={1}
                        disabled={locked || pending}
                        aria-label={`${p.name} ${i.name} 得分`}
                        aria-invalid={err ? true : undefined}
                        aria-describedby={err ? `err-${key}` : undefined}
                        value={values[key] ?? ""}
                        onChange={(e) => {
                          setValues({ ...values, [key]: e.target.value });
                          setDirty(true);
                        }}
                        className={cx(inputClass, "w-20")}
                      />
                      {err && <p id={`err-${key}`} className="mt-1 max-w-32 text-xs text-red-600">{err.replace(`${i.name}：`, "")}</p>}
                    </td>
                  );
                })}
                <td className="px-2 py-2">
                  <input
                    disabled={locked || pending}
                    aria-label={`对${p.name}的评语`}
                    value={comments[p.rateeUnitId] ?? ""}
                    maxLength={500}
                    onChange={(e) => {
                      setComments({ ...comments, [p.rateeUnitId]: e.target.value });
                      setDirty(true);
                    }}
                    className={cx(inputClass, "min-w-48")}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <div className="flex items-center gap-2 text-sm">
          <button type="button" className={buttonClass.small} disabled={page === 0} onClick={() => setPage(page - 1)}>上一页</button>
          <span>第 {page + 1} / {pages} 页</span>
          <button type="button" className={buttonClass.small} disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>下一页</button>
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-600" data-testid="form-error">{error}</p>}
      {ok && <p role="status" className="text-sm text-emerald-700">{ok}</p>}
      {!locked && (
        <div className="sticky bottom-0 flex flex-wrap gap-2 border-t border-slate-200 bg-slate-50/95 py-3">
          <button
            type="button"
            className={buttonClass.secondary}
            disabled={pending}
            onClick={() => {
              setOk(null);
              save.run(payload(), (d) => {
                setDirty(false);
                setOk(`草稿已保存（${d.saved} 项评分）。提交前仍可修改。`);
                router.refresh();
              });
            }}
          >
            {save.pending ? "正在保存…" : "保存草稿"}
          </button>
          <ConfirmButton
            className={buttonClass.primary}
            tone="primary"
            title="提交评分？"
            message={
              <>
                提交后本单位的评分即<strong>锁定，不能再修改</strong>。已评 {filled} / {due} 项{filled < due ? "，尚有未评项，请先补全。" : "。"}
              </>
            }
            confirmLabel="确认提交"
            pending={submit.pending}
            pendingLabel="正在提交…"
            onConfirm={() => {
              setOk(null);
              submit.run(payload(), () => {
                setDirty(false);
                router.refresh();
              });
            }}
          >
            提交评分
          </ConfirmButton>
          {dirty && <span className="self-center text-xs text-amber-700">有未保存的修改</span>}
        </div>
      )}
    </div>
  );
}
