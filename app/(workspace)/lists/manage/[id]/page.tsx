import { limitsOf } from "@/lib/forms";
import { returnSchema } from "@/lib/lists/schema";
import Link from "next/link";
import type { Metadata } from "next";
import { notFound, forbidden } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatDateText, formatDateTime } from "@/lib/format";
import { returnListAction, submitListAction, recordOpinionAction } from "@/lib/lists/actions";
import { FORM_LABELS, OPINION_LABELS, OPINION_TONES } from "@/lib/lists/labels";
import { dayOfDbDate } from "@/lib/dates";
import { draftItems, getList, listOpinions, listTimeline, listVersions, pendingDraftItems } from "@/lib/lists/queries";
import { table } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ActionButton } from "@/components/lists/action-button";
import { DraftTable } from "@/components/lists/draft-table";
import { OpinionForm } from "@/components/lists/opinion-form";
import { ReasonForm } from "@/components/lists/reason-form";
import { StageProgress } from "@/components/lists/stage-progress";
import { ListStatusBadge } from "@/components/lists/status";
import { Timeline } from "@/components/lists/timeline";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "清单详情" };

export default async function ListPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = routeId((await params).id) ?? notFound();
  const list = await getList(id);
  if (!list) notFound();
  const active = list.stages.find((s) => s.status === "ACTIVE");
  const assigneeUnitIds = active?.assignees.map((a) => a.unitId) ?? [];
  const reviewSubject = { type: "listReview" as const, unitId: list.unitId, status: list.status, assigneeUnitIds };
  if (!can(user, "list.read", reviewSubject)) forbidden();
  const subject = { type: "powerList" as const, unitId: list.unitId, status: list.status };
  const mayEdit = can(user, "list.edit", subject);
  const maySubmit = can(user, "list.submit", subject);
  const mayReview = can(user, "list.review", reviewSubject);
  const mayReturn = can(user, "list.return", subject);
  const mayStages = can(user, "list.manageStages", subject);
  const mayPublish = can(user, "list.publish", subject);
  const published = list.status === "PUBLISHED";

  const [items, opinions, events, versions, pending] = await Promise.all([
    published ? Promise.resolve([]) : draftItems(id),
    listOpinions(id),
    listTimeline(id),
    listVersions(id),
    published ? Promise.resolve([]) : pendingDraftItems(id),
  ]);
  const currentRound = opinions.filter((o) => o.round === list.reviewRound);
  const lastReturn = [...events].reverse().find((e) => e.kind === "returned");
  const myOpinion = active ? currentRound.find((o) => o.stageId === active.id && o.unitId === user.unitId) : undefined;
  // Opinions come newest first: the last thing this user's unit said in this round of review,
  // shown once the form is gone — not after publication or a later round, where it is stale.
  const myLastOpinion = list.status === "PUBLISHED" ? undefined : currentRound.find((o) => o.unitId === user.unitId);

  return (
    <div className="space-y-8">
      <div>
        <p className="mb-1 text-sm">
          <Link href="/lists/manage" className={buttonClass.link}>
            ← 清单列表
          </Link>
        </p>
        <PageHeader
          title={list.title}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <ListStatusBadge status={list.status} />
              <span>{FORM_LABELS[list.form]}</span>
              <span>· {list.unit.parent?.name ? `${list.unit.parent.name} ` : ""}{list.unit.name}</span>
              {list.currentVersion && (
                <Link href={`/lists/${list.id}`} className={buttonClass.link}>
                  · 公开页面（现行第 {list.currentVersion.versionNo} 版）
                </Link>
              )}
            </span>
          }
          actions={
            <>
              {mayStages && (
                <Link href={`/lists/manage/${id}/stages`} className={buttonClass.secondary} data-testid="edit-stages">
                  调整审核环节
                </Link>
              )}
              {mayPublish && (
                <Link href={`/lists/manage/${id}/publish`} className={buttonClass.primary} data-testid="go-publish">
                  印发公布
                </Link>
              )}
              {published && can(user, "adjustment.create", { type: "adjustment", listUnitId: list.unitId, published: true, applicantUnitId: null, status: null }) && (
                <Link href={`/lists/adjustments/new?listId=${id}`} className={buttonClass.primary}>
                  申请动态调整
                </Link>
              )}
            </>
          }
        />
      </div>

      {/* What happens next, for this user. */}
      {list.status === "RETURNED" && (
        <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="returned-notice">
          <p className="font-medium">
            草案已在「{lastReturn?.stageName ?? active?.name}」环节退回修改
            {lastReturn && `（${lastReturn.unitName} ${lastReturn.actorName}，${formatDateTime(lastReturn.at)}）`}。
          </p>
          {lastReturn?.note && <p className="mt-1 whitespace-pre-line">理由：{lastReturn.note}</p>}
          {mayEdit && <p className="mt-1">请按意见修改后重新提交，草案将回到该环节重新审核。</p>}
        </div>
      )}
      {(maySubmit || mayEdit) && (
        <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <p className="flex-1 text-sm text-slate-600">
            草案共 {items.length} 项。可以添加本单位事项、修改分类和内容、调整顺序；{list.status === "RETURNED" ? "修改完成后重新提交。" : "完成后提交审核。"}
          </p>
          <Link href={`/lists/manage/${id}/items/new`} className={buttonClass.secondary} data-testid="add-item">
            添加事项
          </Link>
          {maySubmit && (
            <ActionButton
              action={submitListAction}
              input={{ listId: id, version: list.version }}
              className={buttonClass.primary}
              testId="submit-list"
              confirm={{
                title: list.status === "RETURNED" ? "重新提交审核" : "提交审核",
                message: `将草案（${items.length} 项）提交到「${active?.name ?? list.stages.find((s) => s.status === "PENDING")?.name ?? "审核"}」环节。提交后在审核期间不能修改，除非被退回。`,
                confirmLabel: "提交",
              }}
            >
              {list.status === "RETURNED" ? "修改完成，重新提交" : "提交审核"}
            </ActionButton>
          )}
        </div>
      )}
      {pending.length > 0 && (
        <section role="status" aria-labelledby="pending-heading" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="pending-devolutions">
          <h2 id="pending-heading" className="font-medium">
            另有 {pending.length} 项赋权承接事项待确认，未带入草案
          </h2>
          <p className="mt-1">这些事项已商定承接，但确认书尚未由部门和街道（乡镇）双方签署。确认书双方签署后，才能作为赋权承接事项列入清单。</p>
          <ul className="mt-2 space-y-1">
            {pending.slice(0, 50).map((p) => (
              <li key={p.itemId} className="flex flex-wrap items-center gap-2">
                <Badge tone="amber">待确认</Badge>
                <span className="font-medium">{p.name}</span>
                <span className="text-amber-800">
                  （{p.departmentName ?? "部门未定"}，{p.roundTitle}{p.documentNumber ? `，确认书${p.documentNumber}` : ""}：{p.state}）
                </span>
              </li>
            ))}
          </ul>
          {pending.length > 50 && <p className="mt-1">只列出前 50 项。</p>}
        </section>
      )}
      {list.status === "APPROVED" && !mayPublish && (
        <p role="status" className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-800">
          审核已全部通过，等待编办印发公布。
        </p>
      )}

      <section aria-labelledby="stages-heading">
        <h2 id="stages-heading" className="mb-3 text-lg font-semibold">
          审核环节{list.reviewRound > 1 && <span className="ml-2 text-sm font-normal text-slate-500">第 {list.reviewRound} 轮</span>}
        </h2>
        <StageProgress stages={list.stages} opinions={currentRound} returned={list.status === "RETURNED"} />
      </section>

      {mayReview && active && (
        <section id="review" aria-labelledby="review-heading" className="rounded-lg border border-brand-100 bg-white p-5 shadow-sm">
          <h2 id="review-heading" className="mb-1 text-lg font-semibold">
            提出审核意见（{active.name}）
          </h2>
          <p className="mb-4 text-sm text-slate-600">
            以{user.unitName}的名义提出。{myOpinion && `本单位已于 ${formatDateTime(myOpinion.createdAt)} 提出「${OPINION_LABELS[myOpinion.opinion]}」，再次提交以最新意见为准。`}
          </p>
          <OpinionForm
            action={recordOpinionAction}
            kind="list"
            input={{ listId: id, version: list.version }}
            items={items.map((i) => ({ id: i.id, label: i.name }))}
            disagreeHint="选择「不同意」将把草案退回起草单位修改，请写明理由。"
            meeting={active.kind === "EXECUTIVE"}
          />
        </section>
      )}

      {!(mayReview && active) && myLastOpinion && (
        <p role="status" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700" data-testid="my-opinion">
          本单位已于 {formatDateTime(myLastOpinion.createdAt)} 在「{myLastOpinion.stage.name}」环节提出「{OPINION_LABELS[myLastOpinion.opinion]}」意见
          {myLastOpinion.opinion === "DISAGREE" ? "，草案已退回起草单位修改。" : "，已记入审核记录。"}
        </p>
      )}

      {mayReturn && (
        <details className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">退回起草单位修改（编办）</summary>
          <div className="mt-3 max-w-xl">
            <ReasonForm action={returnListAction} input={{ listId: id, version: list.version }} field="reason" limits={limitsOf(returnSchema, "reason")} label="退回理由" submitLabel="退回修改" danger testId="return-form" />
          </div>
        </details>
      )}

      {published ? (
        <section aria-labelledby="versions-heading">
          <h2 id="versions-heading" className="mb-3 text-lg font-semibold">
            已公布的版本
          </h2>
          <div className={table.wrapper}>
            <table className={table.table}>
              <thead className={table.thead}>
                <tr>
                  <th scope="col" className={table.th}>版本</th>
                  <th scope="col" className={table.th}>文号</th>
                  <th scope="col" className={table.th}>公布日期</th>
                  <th scope="col" className={table.th}>施行日期</th>
                  <th scope="col" className={table.th}>事项数</th>
                  <th scope="col" className={table.th}>说明</th>
                </tr>
              </thead>
              <tbody className={table.tbody}>
                {versions.map((v) => (
                  <tr key={v.id}>
                    <td className={table.td}>
                      <Link href={`/lists/${id}/v/${v.versionNo}`} className={buttonClass.link}>
                        第 {v.versionNo} 版
                      </Link>
                    </td>
                    <td className={table.td}>{v.documentNumber}</td>
                    <td className={table.td}>{formatDate(v.publishedAt)}</td>
                    <td className={table.td}>{formatDate(v.effectiveAt)}</td>
                    <td className={`${table.td} tabular-nums`}>{v.itemCount}</td>
                    <td className={table.td}>
                      {v.note}
                      {v.adjustmentId && (
                        <Link href={`/lists/adjustments/${v.adjustmentId}`} className={`${buttonClass.link} ml-1`}>
                          调整申请
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : (
        <section aria-labelledby="items-heading">
          <h2 id="items-heading" className="mb-3 text-lg font-semibold">
            草案事项（{items.length}）
          </h2>
          {items.length === 0 ? (
            <EmptyState title="草案中还没有事项">
              {mayEdit ? "点击「添加事项」逐项填写本单位的职权事项。" : "起草单位添加事项后会在这里列出。"}
            </EmptyState>
          ) : (
            <DraftTable listId={id} version={list.version} items={items} form={list.form} editable={mayEdit} />
          )}
        </section>
      )}

      <section aria-labelledby="opinions-heading">
        <h2 id="opinions-heading" className="mb-3 text-lg font-semibold">
          审核意见记录（{opinions.length}）
        </h2>
        {opinions.length === 0 ? (
          <p className="text-sm text-slate-500">提交审核后，各环节审核单位的意见会记录在这里。</p>
        ) : (
          <ul className="space-y-3" data-testid="opinions">
            {opinions.map((o) => (
              <li key={o.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone={OPINION_TONES[o.opinion]}>{OPINION_LABELS[o.opinion]}</Badge>
                  <span className="font-medium">{o.stage.name}</span>
                  {o.round > 1 && <span className="text-xs text-slate-500">第 {o.round} 轮</span>}
                  <span className="text-slate-600">
                    {o.unitName} {o.authorName}
                  </span>
                  <span className="text-xs text-slate-500">{formatDateTime(o.createdAt)}</span>
                </p>
                {o.meetingNumber && (
                  <p className="mt-1 text-slate-700" data-testid="opinion-meeting">
                    会议期次：{o.meetingNumber}
                    {o.meetingDate && `　会议日期：${formatDateText(dayOfDbDate(o.meetingDate))}`}
                  </p>
                )}
                {o.body && <p className="mt-1 whitespace-pre-line text-slate-700">{o.body}</p>}
                {o.itemComments.length > 0 && (
                  <ul className="mt-2 space-y-1 border-l-2 border-amber-200 pl-3 text-xs text-slate-700">
                    {o.itemComments.map((c) => (
                      <li key={c.id}>
                        <span className="font-medium">「{c.itemName}」</span>：{c.body}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
          办理过程
        </h2>
        <Timeline events={events} />
      </section>
    </div>
  );
}
