import type { Metadata } from "next";
import { letterByHash } from "@/lib/devolution/queries";
import { chineseDate, contentHash, countsSentence, groupedHash, normaliseHash, type LetterContent } from "@/lib/devolution/letter-content";
import { formatDate } from "@/lib/format";
import { buttonClass, inputClass } from "@/components/ui/cx";

export const metadata: Metadata = { title: "确认书核验" };

const STATUS_TEXT = {
  CONFIRMED: { text: "双方已确认，确认书有效", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  PENDING: { text: "已生成，尚待双方确认", className: "bg-amber-50 text-amber-800 ring-amber-200" },
  WITHDRAWN: { text: "已撤回，确认书无效", className: "bg-slate-100 text-slate-700 ring-slate-200" },
} as const;

/**
 * Anyone can check a printed letter: the hash finds it; only its number, parties, date and counts
 * are shown, and the stored content is hashed again to show it has not changed.
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).hash;
  const input = typeof raw === "string" ? raw.slice(0, 200) : "";
  const hash = input ? normaliseHash(input) : null;
  const letter = hash ? await letterByHash(hash) : null;
  const intact = letter ? contentHash(letter.content) === letter.contentHash : false;
  const content = letter?.content as unknown as LetterContent | undefined;

  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-bold text-slate-900">赋权承接事项确认书核验</h1>
      <p className="mt-2 text-slate-600">输入确认书末尾印制的「内容校验码（SHA-256）」，可查验该确认书是否由本系统生成、内容是否被改动，以及当前是否有效。</p>
      <form method="get" action="/verify" className="mt-6 flex flex-col gap-2 sm:flex-row sm:items-end" role="search">
        <div className="flex-1 space-y-1">
          <label htmlFor="hash" className="block text-sm font-medium text-slate-700">内容校验码</label>
          <input id="hash" name="hash" defaultValue={input} className={`${inputClass} font-mono`} placeholder="64 位，由数字和 a–f 组成，可含空格" aria-describedby={input && !hash ? "hash-error" : undefined} aria-invalid={input && !hash ? true : undefined} />
        </div>
        <button type="submit" className={buttonClass.primary}>核验</button>
      </form>
      {input && !hash && <p id="hash-error" role="alert" className="mt-2 text-sm text-red-600">校验码格式不正确：应为 64 位，由数字 0–9 和字母 a–f 组成（空格可有可无）。</p>}
      {hash && !letter && (
        <div role="status" className="mt-6 rounded-lg border border-red-200 bg-red-50 p-4 text-red-800" data-testid="verify-missing">
          <p className="font-medium">未找到与该校验码对应的确认书。</p>
          <p className="mt-1 text-sm">请核对校验码是否抄录正确；如确认无误，该文件可能不是本系统生成的，或内容已被改动。</p>
        </div>
      )}
      {letter && content && (
        <section className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="verify-result" aria-labelledby="verify-title">
          <h2 id="verify-title" className="text-lg font-semibold">{content.title}</h2>
          <p className={`mt-2 inline-block rounded px-2 py-1 text-sm ring-1 ring-inset ${STATUS_TEXT[letter.status].className}`}>{STATUS_TEXT[letter.status].text}</p>
          <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="text-slate-500">文号</dt><dd data-testid="verify-number">{letter.documentNumber}</dd>
            <dt className="text-slate-500">甲方（部门）</dt><dd>{letter.department.name}</dd>
            <dt className="text-slate-500">乙方（街道、乡镇）</dt><dd>{letter.street.name}</dd>
            <dt className="text-slate-500">生成日期</dt><dd>{chineseDate(content.date)}</dd>
            <dt className="text-slate-500">事项</dt><dd>{countsSentence(content.counts)}</dd>
            {letter.status === "CONFIRMED" && (<><dt className="text-slate-500">双方确认</dt><dd>部门 {formatDate(letter.departmentConfirmedAt)}，街道（乡镇） {formatDate(letter.streetConfirmedAt)}</dd></>)}
            {letter.status === "WITHDRAWN" && (<><dt className="text-slate-500">撤回日期</dt><dd>{formatDate(letter.withdrawnAt)}</dd></>)}
            <dt className="text-slate-500">校验码</dt><dd className="break-all font-mono text-xs">{groupedHash(letter.contentHash)}</dd>
            <dt className="text-slate-500">内容完整性</dt>
            <dd data-testid="verify-intact">{intact ? "系统存档内容与校验码一致，未被改动。" : "系统存档内容与校验码不一致，请联系编办。"}</dd>
          </dl>
          <p className="mt-4 text-xs text-slate-500">为保护工作信息，本页只显示上述概要；逐项内容请向确认书的双方单位或编办查询。</p>
        </section>
      )}
    </main>
  );
}
