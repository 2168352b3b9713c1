import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { formatDateTime } from "@/lib/format";
import { roundPage } from "@/lib/devolution/access";
import { getLetter } from "@/lib/devolution/queries";
import { letterSide } from "@/lib/devolution/policy";
import { chineseDate, countsSentence, groupedHash, type LetterContent } from "@/lib/devolution/letter-content";
import { DECISION_LABELS } from "@/lib/devolution/state";
import { LetterStatusBadge } from "@/components/devolution/badges";
import { ConfirmLetterButton, WithdrawLetterButton } from "@/components/devolution/letter-actions";
import { table } from "@/components/ui/table";
import { FormSuccess } from "@/components/ui/form-messages";
import { buttonClass } from "@/components/ui/cx";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "赋权承接事项确认书" };

function Party({ label, name, by, at }: { label: string; name: string; by: string | null; at: Date | null }) {
  return (
    <div className="rounded-md border border-slate-200 p-3 text-sm">
      <p className="text-xs text-slate-500">{label}</p>
      <p className="font-medium">{name}</p>
      {at ? (
        <p className="mt-1 text-emerald-700">已确认：{by}，{formatDateTime(at)}</p>
      ) : (
        <p className="mt-1 text-amber-700">尚未确认</p>
      )}
    </div>
  );
}

export default async function LetterPage({ params, searchParams }: { params: Promise<{ id: string; letterId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id, letterId } = await params;
  const { user, round } = await roundPage(id);
  const letter = await getLetter(routeId(letterId) ?? notFound());
  if (!letter || letter.roundId !== round.id) notFound();
  const subject = { type: "devolution" as const, streetIds: [letter.streetId], departmentIds: [letter.departmentId] };
  if (!can(user, "devolution.read", subject)) forbidden();
  const generated = (await searchParams).generated;
  const content = letter.content as unknown as LetterContent;
  const side = letterSide(user, letter);
  const open = round.status === "OPEN";
  const mine = side === "DEPARTMENT" ? letter.departmentConfirmedAt : side === "STREET" ? letter.streetConfirmedAt : null;
  const other = side === "DEPARTMENT" ? letter.streetConfirmedAt : side === "STREET" ? letter.departmentConfirmedAt : null;
  const canConfirm = open && letter.status === "PENDING" && side && !mine && can(user, "devolution.confirmLetter", subject);
  const canWithdraw = open && letter.status === "PENDING" && can(user, "devolution.letter", subject);
  const files = `/api/devolution/letters/${letter.id}`;

  return (
    <div className="space-y-5">
      <nav className="text-sm"><Link href={`/devolution/rounds/${round.id}/letters`} className="text-brand-700 hover:underline">← 返回确认书列表</Link></nav>
      {generated && <FormSuccess testId="letter-generated">确认书已生成，文号 {letter.documentNumber}。请双方核对后分别确认。</FormSuccess>}
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 className="text-lg font-semibold">赋权承接事项确认书</h2>
          <p className="mt-1 text-sm text-slate-600" data-testid="letter-number">{letter.documentNumber}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span data-testid="letter-status"><LetterStatusBadge status={letter.status} departmentConfirmed={!!letter.departmentConfirmedAt} streetConfirmed={!!letter.streetConfirmedAt} /></span>
          <a href={`${files}/pdf`} className={buttonClass.secondary} data-testid="download-pdf">下载 PDF</a>
          <a href={`${files}/docx`} className={buttonClass.secondary}>下载 Word</a>
        </div>
      </header>

      {letter.status === "WITHDRAWN" && (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" role="status">
          本确认书已于 {formatDateTime(letter.withdrawnAt)} 由 {letter.withdrawnBy} 撤回，理由：{letter.withdrawReason}
        </p>
      )}
      {letter.status === "CONFIRMED" && (
        <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" role="status">双方均已确认，本确认书已生效，其中事项已锁定。如需调整，请在新一轮承接确认中办理。</p>
      )}

      <div className="grid gap-3 sm:grid-cols-2">
        <Party label="甲方（部门）" name={letter.department.name} by={letter.departmentConfirmedBy} at={letter.departmentConfirmedAt} />
        <Party label="乙方（街道、乡镇）" name={letter.street.name} by={letter.streetConfirmedBy} at={letter.streetConfirmedAt} />
      </div>

      {(canConfirm || canWithdraw) && (
        <div className="flex flex-wrap items-start gap-3 rounded-lg border border-brand-100 bg-brand-50 p-4">
          {canConfirm && side && <ConfirmLetterButton letterId={letter.id} side={side} other={!!other} />}
          {canWithdraw && <WithdrawLetterButton letterId={letter.id} />}
          <p className="w-full text-xs text-slate-600">
            {canConfirm ? "请先下载或在下方核对确认书内容，确认无误后再点击确认。" : "确认书尚未生效；如发现内容有误，可撤回后修改再重新生成。"}
          </p>
        </div>
      )}

      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <p className="text-sm text-slate-700">
          根据「{content.round.title}」工作安排，依据《{content.edition.title}》，甲乙双方对下列赋权事项逐项协商，确认承接意见及职责边界如下：
        </p>
        <div className={`${table.wrapper} mt-3`}>
          <table className={table.table} data-testid="letter-items">
            <thead className={table.thead}>
              <tr>
                <th scope="col" className={table.th}>序号</th>
                <th scope="col" className={`${table.th} min-w-[12rem]`}>事项名称</th>
                <th scope="col" className={table.th}>权力类型</th>
                <th scope="col" className={table.th}>确认结果</th>
                <th scope="col" className={`${table.th} min-w-[12rem]`}>街道（乡镇）承担职责</th>
                <th scope="col" className={`${table.th} min-w-[12rem]`}>部门保留职责 / 理由</th>
              </tr>
            </thead>
            <tbody className={table.tbody}>
              {content.items.map((i) => (
                <tr key={i.seq}>
                  <td className={`${table.td} tabular-nums`}>{i.seq}</td>
                  <td className={table.td}>{i.name}{i.code && <span className="block text-xs text-slate-500">{i.code}</span>}</td>
                  <td className={`${table.td} whitespace-nowrap`}>{i.powerType}</td>
                  <td className={`${table.td} whitespace-nowrap`}>{DECISION_LABELS[i.decision]}{i.arbitrated && <span className="block text-xs text-slate-500">编办裁决</span>}</td>
                  <td className={`${table.td} text-xs`}>{i.decision === "ACCEPT" ? i.streetDuty : "—"}</td>
                  <td className={`${table.td} text-xs`}>{i.decision === "ACCEPT" ? i.departmentDuty : `理由：${i.reason ?? ""}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-3 text-sm" data-testid="letter-counts">{countsSentence(content.counts)}</p>
        <p className="mt-1 text-sm text-slate-600">生成日期：{chineseDate(content.date)}（{letter.generatedByName} 生成）</p>
        <div className="mt-4 rounded-md bg-slate-50 p-3 text-xs text-slate-600">
          <p>内容校验码（SHA-256）：</p>
          <p className="mt-1 break-all font-mono text-sm text-slate-800" data-testid="letter-hash">{groupedHash(letter.contentHash)}</p>
          <p className="mt-1">
            任何人都可以在 <Link href={`/verify?hash=${letter.contentHash}`} className="text-brand-700 hover:underline">确认书核验页面</Link> 输入校验码，查验确认书的真实性。
          </p>
        </div>
      </section>
    </div>
  );
}
