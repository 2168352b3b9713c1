import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { can, subjectInArea } from "@/lib/auth/policy";
import { asEditionSubject } from "@/lib/catalogue/policy";
import { requireEntry } from "@/lib/auth/session";
import { compareChoices, type CompareUnit } from "@/lib/catalogue/compare";
import { KIND_LABELS, STATUS_LABELS } from "@/lib/catalogue/labels";
import { compareEditions, editionOptions, getEdition } from "@/lib/catalogue/queries";
import { Notice } from "@/components/catalogue/messages";
import { table } from "@/components/catalogue/table";
import { Badge } from "@/components/ui/badge";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "版本对比" };

const LIMIT = 300;

function num(v: string | string[] | undefined): number | null {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireEntry("catalogue.read");
  const params = await searchParams;
  const all = await editionOptions(user);
  const asked = params.kind === "GENERAL" ? "GENERAL" : params.kind === "GUIDANCE" ? "GUIDANCE" : null;
  const fromAsked = num(params.from);
  const toAsked = num(params.to);
  const [fromGiven, toGiven] = await Promise.all([fromAsked ? getEdition(fromAsked) : null, toAsked ? getEdition(toAsked) : null]);
  for (const e of [fromGiven, toGiven]) {
    // Another district's edition answers as if it did not exist.
    if (e && !can(user, "catalogue.read", asEditionSubject(e))) return subjectInArea(user, asEditionSubject(e)) ? forbidden() : notFound();
  }
  // Only editions of one catalogue type are offered and compared.
  const choice = compareChoices(all, { kind: asked, from: fromGiven, to: toGiven });
  const { kind, options } = choice;
  const [from, to] = await Promise.all([
    choice.fromId ? (choice.fromId === fromGiven?.id ? fromGiven : getEdition(choice.fromId)) : null,
    choice.toId ? (choice.toId === toGiven?.id ? toGiven : getEdition(choice.toId)) : null,
  ]);
  const diff = from && to && from.id !== to.id ? await compareEditions(from.id, to.id) : null;

  const select = (name: string, label: string, value: number | null) => (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={name} name={name} defaultValue={value ?? ""} className={inputClass} required>
        <option value="">请选择版本</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>{o.title}（{STATUS_LABELS[o.status]}）</option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="space-y-5">
      <PageHeader title="版本对比" description="比较两个版本的事项：有事项编码的按编码对应，没有编码的按事项名称、子项名称和权力类型对应。" />
      <nav aria-label="清单类别" className="flex flex-wrap gap-2 text-sm" data-testid="compare-kind">
        {(["GUIDANCE", "GENERAL"] as const).map((k) => (
          <Link
            key={k}
            href={`/catalogue/compare?kind=${k}`}
            aria-current={k === kind ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${k === kind ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-200 bg-white text-slate-600 hover:bg-slate-50"}`}
          >
            {KIND_LABELS[k]}
          </Link>
        ))}
      </nav>
      <form method="get" action="/catalogue/compare" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-[1fr_1fr_auto]" data-testid="compare-form">
        <input type="hidden" name="kind" value={kind} />
        {select("from", "原版本", from?.id ?? null)}
        {select("to", "对比版本", to?.id ?? null)}
        <div className="flex items-end">
          <button type="submit" className={buttonClass.primary}>对比</button>
        </div>
      </form>

      {from && to && from.id === to.id && <Notice tone="amber">请选择两个不同的版本。</Notice>}
      {choice.mixed && <Notice tone="amber">只能对比同一类别清单的版本：「{fromGiven!.title}」是{KIND_LABELS[fromGiven!.kind]}，「{toGiven!.title}」是{KIND_LABELS[toGiven!.kind]}。请重新选择原版本。</Notice>}
      {options.length < 2 && <Notice>{KIND_LABELS[kind]}目前只有 {options.length} 个版本，新建或导入另一个版本后才能对比。</Notice>}

      {!diff ? (
        !(from && to) && <EmptyState title="请选择要对比的两个版本">选择后点击「对比」，会列出新增、删除和内容有变化的事项。</EmptyState>
      ) : (
        <div className="space-y-6" data-testid="compare-result">
          <p className="text-sm text-slate-600">
            从「<Link href={`/catalogue/editions/${from!.id}`} className="text-brand-700 hover:underline">{from!.title}</Link>」到「
            <Link href={`/catalogue/editions/${to!.id}`} className="text-brand-700 hover:underline">{to!.title}</Link>」：
          </p>
          <p className="text-sm text-slate-600" data-testid="diff-totals">
            原版本共 {diff.counts.from.items} 个事项（含 {diff.counts.from.subItems} 个子项），对比版本共 {diff.counts.to.items} 个事项（含 {diff.counts.to.subItems} 个子项）。
          </p>
          <section aria-label="对比汇总" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Summary label="新增" items={diff.counts.items.added} subItems={diff.counts.subItems.added} tone="green" testId="diff-added" />
            <Summary label="删除" items={diff.counts.items.removed} subItems={diff.counts.subItems.removed} tone="red" testId="diff-removed" />
            <Summary label="有变化" items={diff.counts.items.changed} subItems={diff.counts.subItems.changed} tone="amber" testId="diff-changed" />
            <Summary label="未变" items={diff.counts.items.unchanged} subItems={diff.counts.subItems.unchanged} testId="diff-unchanged" />
          </section>
          <p className="text-xs text-slate-500">事项与子项分开计数：一个事项的任一子项有变化，该事项即计为「有变化」。下方列表按行列出，有子项的事项每个子项一行。</p>

          {diff.added.length + diff.removed.length + diff.changed.length === 0 && <Notice>两个版本的事项完全相同。</Notice>}

          {diff.added.length > 0 && <UnitList title="新增的事项" units={diff.added} editionId={to!.id} tone="green" />}
          {diff.removed.length > 0 && <UnitList title="删除的事项" units={diff.removed} editionId={from!.id} tone="red" />}

          {diff.changed.length > 0 && (
            <section className="space-y-2">
              <h2 className="text-base font-semibold text-slate-800">有变化的事项（{diff.changed.length}）</h2>
              {diff.changed.length > LIMIT && <p className="text-sm text-slate-500">只列出前 {LIMIT} 项；完整内容请导出两个版本后核对。</p>}
              <ul className="space-y-3">
                {diff.changed.slice(0, LIMIT).map((c) => (
                  <li key={c.after.key} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="diff-changed-item">
                    <p className="font-medium text-slate-900">
                      <Link href={`/catalogue/editions/${to!.id}/items/${c.after.itemId}`} className="hover:text-brand-700 hover:underline">{c.after.name}</Link>
                      {c.after.subItemName && <span className="text-slate-500"> · {c.after.subItemName}</span>}
                    </p>
                    <p className="mt-1 flex flex-wrap gap-1">
                      {c.changes.map((ch) => (
                        <Badge key={ch.field} tone="amber">{ch.label}</Badge>
                      ))}
                    </p>
                    <div className="mt-3 overflow-x-auto">
                      <table className="min-w-full text-sm">
                        <thead className="text-left text-xs text-slate-500">
                          <tr>
                            <th scope="col" className="w-28 py-1 pr-3 font-medium">变化的内容</th>
                            <th scope="col" className="py-1 pr-3 font-medium">原版本</th>
                            <th scope="col" className="py-1 font-medium">对比版本</th>
                          </tr>
                        </thead>
                        <tbody className="divide-y divide-slate-100 align-top">
                          {c.changes.map((ch) => (
                            <tr key={ch.field}>
                              <th scope="row" className="py-2 pr-3 text-left font-medium text-slate-600">{ch.label}</th>
                              <td className="min-w-[14rem] py-2 pr-3"><Text value={ch.before} tone="before" /></td>
                              <td className="min-w-[14rem] py-2"><Text value={ch.after} tone="after" /></td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </div>
  );
}

function Text({ value, tone }: { value: string; tone: "before" | "after" }) {
  if (!value) return <span className="text-slate-500">（空）</span>;
  return (
    <div className={`max-h-64 overflow-y-auto whitespace-pre-line rounded px-2 py-1 text-xs leading-relaxed ${tone === "before" ? "bg-red-50 text-red-900" : "bg-emerald-50 text-emerald-900"}`}>
      {value}
    </div>
  );
}

function Summary({ label, items, subItems, tone, testId }: { label: string; items: number; subItems: number; tone?: "green" | "red" | "amber"; testId?: string }) {
  const color = tone === "green" ? "text-emerald-700" : tone === "red" ? "text-red-700" : tone === "amber" ? "text-amber-700" : "text-slate-900";
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3" data-testid={testId}>
      <p className="text-xs text-slate-500">{label}</p>
      <p className={`text-2xl font-semibold tabular-nums ${color}`}>
        <span data-testid={testId ? `${testId}-items` : undefined}>{items}</span>
        <span className="ml-1 text-sm font-normal text-slate-500">个事项</span>
      </p>
      <p className="text-sm tabular-nums text-slate-600">
        <span data-testid={testId ? `${testId}-subitems` : undefined}>{subItems}</span> 个子项
      </p>
    </div>
  );
}

function UnitList({ title, units, editionId, tone }: { title: string; units: CompareUnit[]; editionId: number; tone: "green" | "red" }) {
  return (
    <section className="space-y-2">
      <h2 className="text-base font-semibold text-slate-800">{title}（{units.length}）</h2>
      <div className={table.wrapper}>
        <table className={table.table}>
          <thead className={table.thead}>
            <tr>
              <th scope="col" className={table.th}>事项名称</th>
              <th scope="col" className={table.th}>子项</th>
              <th scope="col" className={table.th}>权力类型</th>
              <th scope="col" className={table.th}>事项编码</th>
            </tr>
          </thead>
          <tbody className={table.tbody}>
            {units.slice(0, LIMIT).map((u) => (
              <tr key={u.key} className={tone === "green" ? "bg-emerald-50/40" : "bg-red-50/40"}>
                <td className={`${table.td} min-w-[16rem]`}>
                  <Link href={`/catalogue/editions/${editionId}/items/${u.itemId}`} className="hover:text-brand-700 hover:underline">{u.name}</Link>
                </td>
                <td className={`${table.td} min-w-[10rem]`}>{u.subItemName ?? "—"}</td>
                <td className={`${table.td} whitespace-nowrap`}>{u.typeName ?? "—"}</td>
                <td className={`${table.td} whitespace-nowrap font-mono text-xs text-slate-500`}>{u.values.code || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {units.length > LIMIT && <p className="text-sm text-slate-500">只列出前 {LIMIT} 项。</p>}
    </section>
  );
}
