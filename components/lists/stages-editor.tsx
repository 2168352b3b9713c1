"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { OrgKind } from "@/lib/generated/prisma/enums";
import { updateStagesAction } from "@/lib/lists/actions";
import { PUBLISH_STAGE, STAGE_STATUS_LABELS } from "@/lib/lists/labels";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { useAction } from "@/components/ui/use-action";
import { FormError, FormSuccess } from "@/components/ui/form-messages";

type Stage = { id: number | null; key: string; kind: string | null; name: string; status: "PENDING" | "ACTIVE" | "DONE"; unitIds: number[] };
type Unit = { id: number; name: string; kind: OrgKind; jointMeetingMember: boolean };

const GROUPS: { label: string; kinds: OrgKind[] }[] = [
  { label: "编办", kinds: ["BIANBAN"] },
  { label: "部门", kinds: ["DEPARTMENT"] },
  { label: "街道、乡镇", kinds: ["STREET", "TOWNSHIP"] },
];

/**
 * 编办 sets the review stages still to come and who reviews each. Finished stages are shown
 * but fixed; the active stage stays first; 印发公布 stays last.
 */
export function StagesEditor({ listId, version, stages: initial, units }: { listId: number; version: number; stages: Stage[]; units: Unit[] }) {
  const router = useRouter();
  const { run, pending, error, fieldErrors } = useAction(updateStagesAction);
  const done = initial.filter((s) => s.status === "DONE");
  const [stages, setStages] = useState(initial.filter((s) => s.status !== "DONE"));
  const [saved, setSaved] = useState(false);
  const [n, setN] = useState(1);
  const unitName = new Map(units.map((u) => [u.id, u.name]));

  const set = (key: string, patch: Partial<Stage>) => {
    setSaved(false);
    setStages(stages.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  };
  const fixedFirst = stages[0]?.status === "ACTIVE" ? 1 : 0;
  const lastIndex = stages.length - 1; // 印发公布
  const move = (i: number, d: -1 | 1) => {
    const j = i + d;
    if (j < fixedFirst || j >= lastIndex) return;
    const next = [...stages];
    [next[i], next[j]] = [next[j], next[i]];
    setStages(next);
    setSaved(false);
  };

  function save() {
    run({ listId, version, stages: stages.map((s) => ({ id: s.id, name: s.name, unitIds: s.unitIds })) }, () => {
      setSaved(true);
      router.refresh();
    });
  }

  return (
    <div className="space-y-4" data-testid="stages-editor">
      {done.length > 0 && (
        <ol className="space-y-1 text-sm text-slate-500">
          {done.map((s) => (
            <li key={s.key}>
              ✓ {s.name}（{STAGE_STATUS_LABELS.DONE}）：{s.unitIds.map((u) => unitName.get(u)).join("、")}
            </li>
          ))}
        </ol>
      )}
      <ol className="space-y-3">
        {stages.map((s, i) => {
          const isPublish = s.kind === PUBLISH_STAGE;
          const isActive = s.status === "ACTIVE";
          const nameError = fieldErrors[`stages.${i}.name`];
          const unitsError = fieldErrors[`stages.${i}.unitIds`];
          return (
            <li key={s.key} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`stage-row-${i}`}>
              <div className="flex flex-wrap items-end gap-3">
                <div className="min-w-[12rem] flex-1 space-y-1">
                  <label htmlFor={`stage-name-${s.key}`} className="block text-sm font-medium text-slate-700">
                    第 {done.length + i + 1} 环节名称 {isActive && <span className="text-xs text-brand-700">（进行中）</span>}
                  </label>
                  <input
                    id={`stage-name-${s.key}`}
                    value={s.name}
                    readOnly={isPublish}
                    onChange={(e) => set(s.key, { name: e.target.value })}
                    aria-invalid={nameError ? true : undefined}
                    aria-describedby={nameError ? `stage-name-${s.key}-error` : undefined}
                    className={inputClass}
                  />
                  {nameError && <p id={`stage-name-${s.key}-error`} role="alert" className="text-xs text-red-600">{nameError}</p>}
                </div>
                {!isPublish && (
                  <div className="flex gap-1">
                    <button type="button" className={buttonClass.small} onClick={() => move(i, -1)} disabled={isActive || i <= fixedFirst} aria-label={`上移「${s.name}」`}>
                      上移
                    </button>
                    <button type="button" className={buttonClass.small} onClick={() => move(i, 1)} disabled={isActive || i >= lastIndex - 1} aria-label={`下移「${s.name}」`}>
                      下移
                    </button>
                    <button
                      type="button"
                      className={buttonClass.small}
                      disabled={isActive}
                      onClick={() => {
                        setStages(stages.filter((x) => x.key !== s.key));
                        setSaved(false);
                      }}
                      aria-label={`删除「${s.name}」环节`}
                    >
                      删除
                    </button>
                  </div>
                )}
              </div>
              <details className="mt-3" open={s.unitIds.length === 0 && !isPublish}>
                <summary className="cursor-pointer text-sm text-slate-700">
                  {isPublish ? "印发单位" : "审核单位"}：
                  {s.unitIds.length ? s.unitIds.map((u) => unitName.get(u)).join("、") : <span className="text-amber-700">尚未指定</span>}
                  <span className="ml-2 text-brand-700">（点击选择）</span>
                </summary>
                <div className="mt-2 space-y-3" role="group" aria-label={`「${s.name}」的审核单位`}>
                  {GROUPS.map((g) => {
                    const options = units.filter((u) => g.kinds.includes(u.kind));
                    if (!options.length) return null;
                    return (
                      <fieldset key={g.label}>
                        <legend className="text-xs font-medium text-slate-500">{g.label}</legend>
                        <div className="mt-1 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
                          {options.map((u) => (
                            <label key={u.id} className="flex items-center gap-2 text-sm">
                              <input
                                type="checkbox"
                                className="h-4 w-4"
                                checked={s.unitIds.includes(u.id)}
                                onChange={(e) => set(s.key, { unitIds: e.target.checked ? [...s.unitIds, u.id] : s.unitIds.filter((x) => x !== u.id) })}
                              />
                              {u.name}
                            </label>
                          ))}
                        </div>
                      </fieldset>
                    );
                  })}
                </div>
              </details>
              {unitsError && <p role="alert" className="mt-1 text-xs text-red-600">{unitsError}</p>}
            </li>
          );
        })}
      </ol>
      {fieldErrors.stages && <p role="alert" className="text-sm text-red-600">{fieldErrors.stages}</p>}
      <button
        type="button"
        className={buttonClass.secondary}
        onClick={() => {
          const next = [...stages];
          next.splice(lastIndex, 0, { id: null, key: `new-${n}`, kind: null, name: "", status: "PENDING", unitIds: [] });
          setN(n + 1);
          setStages(next);
          setSaved(false);
        }}
      >
        添加环节
      </button>
      <FormError message={error} />
      {saved && <FormSuccess testId="stages-saved">审核环节已保存。</FormSuccess>}
      <div>
        <button type="button" onClick={save} disabled={pending} className={buttonClass.primary} data-testid="save-stages">
          {pending ? "正在保存…" : "保存审核环节"}
        </button>
      </div>
    </div>
  );
}
