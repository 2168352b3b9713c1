import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireEntry, requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { managedTypedList, stageLabels } from "@/lib/list-types/queries";
import { typedListSubjectOf } from "@/lib/list-types/policy";
import { displayCell } from "@/lib/list-types/fields";
import { TYPED_STATUS_LABELS, TYPED_STATUS_TONES } from "@/lib/list-types/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/cx";
import { EditableRow, PublishForm, RemoveRowButton, ReviewForm, RowForm, SubmitListForm } from "@/components/list-types/forms";
import { TypedImport } from "@/components/list-types/typed-import";
import { formatDate, formatDateTime } from "@/lib/format";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "编制清单" };

/** One unit's list of a type: its draft rows, the review stage and opinions, publication and versions. */
export default async function TypedListManagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireEntry("typedList.read");
  const id = routeId((await params).id) ?? notFound();
  const list = await managedTypedList(id);
  if (!list) notFound();
  // Another unit's list, or (for a district 编办) another district's, or a type whose stages do not name the reviewer's unit: 403.
  const subject = typedListSubjectOf({ unitId: list.unit.id, status: list.status, stageIndex: list.stageIndex, type: { stages: list.type.stageDefs } });
  await requirePermission("typedList.read", subject);
  const { rows } = list;
  const [type] = await stageLabels([list.type]);
  const mayEdit = can(user, "typedList.edit", subject);
  const canEdit = mayEdit && list.status !== "IN_REVIEW";
  const stageName = type.stages[list.stageIndex];
  const reviewDone = list.status === "IN_REVIEW" && list.stageIndex >= type.stages.length;
  const canPublish = can(user, "typedList.publish", subject) && (type.stages.length === 0 ? list.status === "DRAFT" : reviewDone) && rows.length > 0;

  return (
    <div className="space-y-6">
      <div>
        <p className="mb-1 text-sm">
          <Link href="/typed-lists/manage" className={buttonClass.link}>
            ← 各类清单
          </Link>
        </p>
        <PageHeader
          title={list.title}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={TYPED_STATUS_TONES[list.status]}>{TYPED_STATUS_LABELS[list.status]}</Badge>
              {list.status === "IN_REVIEW" && <span>{reviewDone ? "审核已完成，待公布" : `当前环节：${type.stageLabels[list.stageIndex] ?? stageName}`}</span>}
              {list.versionCount > 0 && (
                <Link href={`/typed-lists/${list.id}`} className={buttonClass.link} target="_blank">
                  查看公开页面（第 {list.versionCount} 版）
                </Link>
              )}
            </span>
          }
        />
      </div>

      <section aria-labelledby="rows-heading" className="space-y-3">
        <h2 id="rows-heading" className="text-lg font-semibold">
          事项（{rows.length}）
        </h2>
        {rows.length === 0 ? (
          <EmptyState title="还没有事项" />
        ) : (
          <ol className="space-y-2" data-testid="typed-rows">
            {rows.map((r, i) => {
              const name = displayCell(type.fields[0], r.values[type.fields[0]?.key]) || `第 ${i + 1} 项`;
              const body = (
                <div className="text-sm">
                  <p className="font-medium">
                    {i + 1}. {name}
                    {r.section && <span className="ml-2 text-xs text-slate-600">{r.section}</span>}
                  </p>
                  <dl className="mt-1 grid gap-x-4 gap-y-1 text-slate-700 sm:grid-cols-2">
                    {type.fields.slice(1).map((f) => (
                      <div key={f.key} className="flex gap-1">
                        <dt className="shrink-0 text-slate-500">{f.label}：</dt>
                        <dd className="whitespace-pre-line">{displayCell(f, r.values[f.key]) || "—"}</dd>
                      </div>
                    ))}
                  </dl>
                </div>
              );
              return (
                <li key={r.key} className="rounded-lg border border-slate-200 bg-white p-3">
                  {canEdit ? (
                    <EditableRow listId={list.id} revision={list.revision} fields={type.fields} sections={type.sections} row={r}>
                      {body}
                      <RemoveRowButton listId={list.id} revision={list.revision} rowKey={r.key} name={name} />
                    </EditableRow>
                  ) : (
                    body
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {canEdit && (
          <details className="rounded-lg border border-slate-200 bg-white p-3" open={rows.length === 0}>
            <summary className="cursor-pointer font-medium">添加事项</summary>
            <div className="mt-3">
              <RowForm listId={list.id} revision={list.revision} fields={type.fields} sections={type.sections} />
            </div>
          </details>
        )}
        {canEdit && (
          <details className="rounded-lg border border-slate-200 bg-white p-3">
            <summary className="cursor-pointer font-medium">从表格导入</summary>
            <div className="mt-3">
              <TypedImport listId={list.id} revision={list.revision} labels={[...(type.sections.length ? ["分类"] : []), ...type.fields.map((f) => f.label)]} />
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="review-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="review-heading" className="text-lg font-semibold">
          审核与公布
        </h2>
        <p className="text-sm text-slate-600">{type.stages.length ? `审核环节：${type.stageLabels.join(" → ")}` : "该类清单没有审核环节，可直接公布。"}</p>
        {list.status !== "IN_REVIEW" && type.stages.length > 0 && mayEdit && rows.length > 0 && <SubmitListForm listId={list.id} revision={list.revision} />}
        {list.status === "IN_REVIEW" && !reviewDone && can(user, "typedList.review", subject) && <ReviewForm listId={list.id} revision={list.revision} stageName={stageName} />}
        {canPublish && <PublishForm listId={list.id} revision={list.revision} versionNo={list.versionCount + 1} />}
        {list.opinions.length > 0 && (
          <ul className="divide-y divide-slate-200 text-sm" data-testid="typed-opinions">
            {list.opinions.map((o) => (
              <li key={o.id} className="py-2">
                <span className="font-medium">{o.stageName}</span> · {o.approve ? "通过" : "退回修改"} · {o.unitName} {o.authorName} · {formatDateTime(o.createdAt)}
                <p className="text-slate-700">{o.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {list.versions.length > 0 && (
        <section aria-labelledby="versions-heading">
          <h2 id="versions-heading" className="mb-2 text-lg font-semibold">
            已公布版本
          </h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
            {list.versions.map((v) => (
              <li key={v.versionNo} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <Link href={v.versionNo === list.versionCount ? `/typed-lists/${list.id}` : `/typed-lists/${list.id}?v=${v.versionNo}`} className="font-medium text-brand-700 hover:underline" target="_blank">
                  第 {v.versionNo} 版
                </Link>
                <span>{v.documentNumber}</span>
                <span className="text-xs text-slate-600">
                  {formatDate(v.publishedAt)} · {v.rowCount} 项
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
