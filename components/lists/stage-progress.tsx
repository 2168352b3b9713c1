import type { ReviewOpinion } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/format";
import { OPINION_LABELS, OPINION_TONES, PUBLISH_STAGE, STAGE_STATUS_LABELS } from "@/lib/lists/labels";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";

type Stage = {
  id: number;
  kind: string | null;
  name: string;
  status: "PENDING" | "ACTIVE" | "DONE";
  startedAt: Date | null;
  completedAt: Date | null;
  assignees: { unitId: number; unit: { name: string; shortName: string | null } }[];
};

/** The stages in order; the active one shows each reviewer's opinion of the current round. */
export function StageProgress({
  stages,
  opinions,
  returned,
}: {
  stages: Stage[];
  opinions: { stageId: number; unitId: number; opinion: ReviewOpinion }[];
  returned: boolean;
}) {
  return (
    <ol className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4" data-testid="stage-progress">
      {stages.map((s, i) => {
        const mine = opinions.filter((o) => o.stageId === s.id);
        const latest = new Map<number, ReviewOpinion>();
        for (const o of [...mine].reverse()) latest.set(o.unitId, o.opinion);
        return (
          <li
            key={s.id}
            className={cx(
              "rounded-lg border p-3 text-sm",
              s.status === "ACTIVE" ? (returned ? "border-amber-300 bg-amber-50" : "border-brand-600 bg-brand-50") : s.status === "DONE" ? "border-emerald-200 bg-white" : "border-slate-200 bg-white",
            )}
            aria-current={s.status === "ACTIVE" ? "step" : undefined}
            data-testid={`stage-${i}`}
          >
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium text-slate-900">
                {i + 1}. {s.name}
              </span>
              <Badge tone={s.status === "DONE" ? "green" : s.status === "ACTIVE" ? (returned ? "amber" : "blue") : "gray"}>
                {s.status === "ACTIVE" && returned ? "退回修改中" : STAGE_STATUS_LABELS[s.status]}
              </Badge>
            </div>
            <ul className="mt-2 space-y-0.5 text-xs text-slate-600">
              {s.assignees.length === 0 && s.kind !== PUBLISH_STAGE && <li className="text-amber-700">尚未指定审核单位</li>}
              {s.assignees.map((a) => {
                const o = latest.get(a.unitId);
                return (
                  <li key={a.unitId} className="flex flex-wrap items-center gap-1">
                    <span>{a.unit.shortName ?? a.unit.name}</span>
                    {s.status === "ACTIVE" && !returned && s.kind !== PUBLISH_STAGE && (o ? <Badge tone={OPINION_TONES[o]}>{OPINION_LABELS[o]}</Badge> : <span className="text-slate-500">待提出意见</span>)}
                  </li>
                );
              })}
            </ul>
            {(s.completedAt || s.startedAt) && (
              <p className="mt-1 text-xs text-slate-500">{s.completedAt ? `${formatDate(s.completedAt)} 完成` : `${formatDate(s.startedAt)} 开始`}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
