import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { formatDateTime } from "@/lib/format";
import { roundPage } from "@/lib/devolution/access";
import { getDevolution } from "@/lib/devolution/queries";
import { DECISION_LABELS, RESPONSE_LABELS, awaitsArbitration, frozenReason } from "@/lib/devolution/state";
import { DecisionBadge, LetterStatusBadge, StateBadge } from "@/components/devolution/badges";
import { ArbitrationForm, CommentForm, ProposalForm, ResponseForm } from "@/components/devolution/row-forms";
import { cx } from "@/components/ui/cx";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "事项确认" };

const SIDE_LABEL = { BIANBAN: "编办", DEPARTMENT: "部门", STREET: "街道（乡镇）" } as const;

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function Duties({ street, department }: { street: string | null; department: string | null }) {
  return (
    <dl className="grid gap-3 text-sm md:grid-cols-2">
      <div className="rounded-md bg-slate-50 p-3">
        <dt className="text-xs font-medium text-slate-500">街道（乡镇）承担的职责</dt>
        <dd className="mt-1 whitespace-pre-line">{street || "—"}</dd>
      </div>
      <div className="rounded-md bg-slate-50 p-3">
        <dt className="text-xs font-medium text-slate-500">部门保留的职责</dt>
        <dd className="mt-1 whitespace-pre-line">{department || "—"}</dd>
      </div>
    </dl>
  );
}

export default async function DevolutionPage({ params }: { params: Promise<{ id: string; rowId: string }> }) {
  const { id, rowId } = await params;
  const { user, round, manages } = await roundPage(id);
  const row = await getDevolution(routeId(rowId) ?? notFound());
  if (!row || row.roundId !== round.id) notFound();
  const subject = { type: "devolution" as const, streetIds: [row.streetId], departmentIds: [row.departmentId] };
  if (!can(user, "devolution.read", subject)) forbidden();

  const open = round.status === "OPEN";
  const frozen = frozenReason(row);
  const canPropose = open && !frozen && can(user, "devolution.propose", subject);
  const canRespond = open && !frozen && !!row.proposal && can(user, "devolution.respond", subject);
  const canArbitrate = open && awaitsArbitration(row) && manages;
  const canComment = open && !row.lockedAt && can(user, "devolution.comment", subject);
  const item = row.item;
  const back = `/devolution/rounds/${round.id}/items?street=${row.streetId}`;

  return (
    <div className="space-y-4">
      <nav className="text-sm"><Link href={back} className="text-brand-700 hover:underline">← 返回事项列表</Link></nav>
      <header className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 className="text-lg font-semibold text-slate-900" data-testid="row-title">{item.name}</h2>
          <p className="mt-1 text-sm text-slate-500">
            {row.street.name} × {row.department?.name ?? "未分派部门"}
            {item.code && <> · {item.code}</>}
          </p>
        </div>
        <span data-testid="row-state"><StateBadge state={row.state} /></span>
      </header>
      {frozen && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" role="status">{frozen}</p>}
      {!open && <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" role="status">本轮已结束，只能查看。</p>}

      <Section title="事项信息">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div><dt className="inline text-slate-500">序号：</dt><dd className="inline">{item.seq ?? "—"}</dd></div>
          <div><dt className="inline text-slate-500">权力类型：</dt><dd className="inline">{item.powerType?.name ?? item.powerTypeRaw ?? "—"}</dd></div>
          <div><dt className="inline text-slate-500">领域：</dt><dd className="inline">{item.domain?.name ?? item.domainRaw ?? "—"}</dd></div>
          <div><dt className="inline text-slate-500">原实施部门：</dt><dd className="inline">{item.departmentName ?? "—"}</dd></div>
        </dl>
        {item.subItems.length > 0 && (
          <div className="mt-3 text-sm">
            <p className="text-slate-500">子项：</p>
            <ol className="mt-1 list-decimal space-y-0.5 pl-6">{item.subItems.map((s, i) => <li key={i}>{s.name}</li>)}</ol>
          </div>
        )}
        {item.legalBasis && (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-brand-700">实施依据</summary>
            <p className="mt-2 whitespace-pre-line text-slate-700">{item.legalBasis}</p>
          </details>
        )}
      </Section>

      <Section title="部门意见" testId="proposal-section">
        {row.proposal ? (
          <div className="space-y-3">
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <DecisionBadge decision={row.proposal} />
              <span className="text-slate-500">{row.proposedByName} 于 {formatDateTime(row.proposedAt)} 提出</span>
            </p>
            {row.reason && <p className="text-sm"><span className="text-slate-500">{row.proposal === "ACCEPT" ? "备注：" : "理由："}</span>{row.reason}</p>}
            {row.proposal === "ACCEPT" && <Duties street={row.streetDuty} department={row.departmentDuty} />}
          </div>
        ) : (
          <p className="text-sm text-slate-500">部门尚未提出意见。</p>
        )}
        {canPropose && (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <ProposalForm
              roundId={round.id}
              id={row.id}
              initial={{ proposal: row.proposal ?? "", reason: row.reason ?? "", streetDuty: row.streetDuty ?? "", departmentDuty: row.departmentDuty ?? "" }}
            />
          </div>
        )}
      </Section>

      <Section title="街道（乡镇）意见" testId="response-section">
        {row.response ? (
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className={row.response === "AGREE" ? "font-medium text-emerald-700" : "font-medium text-red-700"}>{RESPONSE_LABELS[row.response]}</span>
            <span className="text-slate-500">{row.respondedByName} 于 {formatDateTime(row.respondedAt)}</span>
            {row.responseReason && <span className="w-full">理由：{row.responseReason}</span>}
          </p>
        ) : (
          <p className="text-sm text-slate-500">{row.proposal ? "街道（乡镇）尚未确认。" : "部门提出意见后，由街道（乡镇）确认。"}</p>
        )}
        {canRespond && (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <ResponseForm roundId={round.id} id={row.id} current={{ response: row.response, reason: row.responseReason }} seenAt={new Date().toISOString()} />
          </div>
        )}
      </Section>

      {(row.arbitratedAt || canArbitrate) && (
        <Section title="编办裁决" testId="arbitration-section">
          {row.arbitratedAt && row.arbitratedDecision && (
            <div className="space-y-2 text-sm">
              <p className="flex flex-wrap items-center gap-2" data-testid="arbitration-ruling">
                <span className="text-slate-500">裁决结果：</span>
                <DecisionBadge decision={row.arbitratedDecision} arbitrated />
                <span className="text-slate-500">{row.arbitratedByName} 于 {formatDateTime(row.arbitratedAt)} 裁决</span>
              </p>
              <p className="whitespace-pre-line"><span className="text-slate-500">裁决意见：</span>{row.arbitrationNote}</p>
              {row.arbitratedDecision === "ACCEPT" && <Duties street={row.streetDuty} department={row.departmentDuty} />}
            </div>
          )}
          {canArbitrate && (
            <div>
              <p className="mb-3 text-sm text-slate-600">
                部门意见为「{row.proposal ? DECISION_LABELS[row.proposal] : "—"}」，街道（乡镇）不同意。请参考双方理由和沟通记录作出裁决。
              </p>
              <ArbitrationForm id={row.id} initial={{ decision: row.arbitratedDecision ?? "", streetDuty: row.streetDuty ?? "", departmentDuty: row.departmentDuty ?? "" }} />
            </div>
          )}
        </Section>
      )}

      {row.letter && (
        <Section title="确认书">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={`/devolution/rounds/${round.id}/letters/${row.letter.id}`} className="font-medium text-brand-700 hover:underline">{row.letter.documentNumber}</Link>
            <LetterStatusBadge status={row.letter.status} />
          </p>
        </Section>
      )}

      <Section title={`沟通记录（${row.comments.length}）`} testId="comments">
        {row.comments.length === 0 ? (
          <p className="text-sm text-slate-500">还没有留言。对意见有疑问时，可以在这里沟通。</p>
        ) : (
          <ol className="space-y-3">
            {row.comments.map((c) => (
              <li key={c.id} className={cx("rounded-md p-3 text-sm", c.side === "STREET" ? "bg-sky-50" : c.side === "DEPARTMENT" ? "bg-emerald-50" : "bg-amber-50")}>
                <p className="text-xs text-slate-500">
                  {SIDE_LABEL[c.side]} · {c.unitName} · {c.authorName} · {formatDateTime(c.createdAt)}
                </p>
                <p className="mt-1 whitespace-pre-line">{c.body}</p>
              </li>
            ))}
          </ol>
        )}
        {canComment && <div className="mt-4 border-t border-slate-200 pt-4"><CommentForm id={row.id} /></div>}
      </Section>
    </div>
  );
}
