import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { can, subjectInArea } from "@/lib/auth/policy";
import { asEditionSubject } from "@/lib/catalogue/policy";
import { requireEntry } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { KIND_LABELS, KIND_PATHS } from "@/lib/catalogue/labels";
import { editionCounts, editionItems, getEdition, importReports, itemFormOptions, pendingImports } from "@/lib/catalogue/queries";
import { itemFilterSchema } from "@/lib/catalogue/schema";
import { EditionStatusBadge } from "@/components/catalogue/badges";
import { DeleteEditionButton, IssueEditionButton } from "@/components/catalogue/edition-buttons";
import { EditEditionForm } from "@/components/catalogue/edit-edition-form";
import { stampOf } from "@/lib/edit-stamp";
import { ExportLinks } from "@/components/catalogue/export-links";
import { ImportReports } from "@/components/catalogue/import-reports";
import { ItemTable, filterHref } from "@/components/catalogue/item-table";
import { BulkEditForm } from "@/components/catalogue/bulk-edit-form";
import { Notice } from "@/components/catalogue/messages";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { routeId } from "@/lib/validation";
import { filingOfSubject } from "@/lib/filings/queries";
import { FilingStatusBadge } from "@/components/filings/status";

const BULK_FORM_ID = "bulk-edit-form";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = routeId((await params).id);
  const edition = id ? await getEdition(id) : null;
  return { title: edition?.status === "ISSUED" ? edition.title : "清单版本" };
}

function one(v: string | string[] | undefined) {
  return Array.isArray(v) ? v[0] : v;
}

export default async function EditionPage({ params, searchParams }: Props) {
  const user = await requireEntry("catalogue.read");
  const id = routeId((await params).id) ?? notFound();
  const edition = await getEdition(id);
  if (!edition) notFound();
  const subject = asEditionSubject(edition);
  // Another district's edition answers as if it did not exist.
  if (!can(user, "catalogue.read", subject)) return subjectInArea(user, subject) ? forbidden() : notFound();

  const raw = await searchParams;
  const filter = itemFilterSchema.parse(raw);
  const basePath = `/catalogue/editions/${id}`;
  const draft = edition.status === "DRAFT";
  const canEdit = draft && can(user, "catalogue.edit", subject);
  const canImport = draft && can(user, "catalogue.import", subject);
  const canIssue = draft && can(user, "catalogue.issue", subject);
  const canSeeImports = can(user, "catalogue.readDraft");

  const [{ total, rows }, counts, reports, pending, filing] = await Promise.all([
    editionItems(id, filter),
    editionCounts(id),
    canSeeImports ? importReports(id) : Promise.resolve([]),
    canImport ? pendingImports(id, user.id) : Promise.resolve([]),
    // A district's issued edition is filed with the city 编办 (备案); its state shows here too.
    edition.areaUnit && edition.status === "ISSUED" ? filingOfSubject(user, "CATALOGUE_EDITION", edition.id) : Promise.resolve(null),
  ]);
  // 编办 sets the 领域 and 部门 of many items of a draft at once.
  const bulk = canEdit && rows.length > 0
    ? await itemFormOptions().then((o) => ({ domains: o.domains.filter((d) => d.active), departments: o.departments.map((d) => ({ id: d.id, name: d.name })) }))
    : null;
  const filtered = !!(filter.q || filter.type || filter.domain || filter.dept);
  const pageParams = {
    q: filter.q,
    type: filter.type?.toString(),
    domain: filter.domain?.toString(),
    dept: filter.dept?.toString(),
    sort: filter.sort === "position" ? undefined : filter.sort,
    dir: filter.dir === "asc" ? undefined : filter.dir,
    size: filter.size === 20 ? undefined : String(filter.size),
  };
  const imported = one(raw.imported);
  const info = { id: edition.id, title: edition.title, items: edition._count.items };

  return (
    <div className="space-y-5">
      <nav aria-label="位置" className="text-sm text-slate-500">
        <Link href={KIND_PATHS[edition.kind]} className="hover:text-brand-700 hover:underline">{KIND_LABELS[edition.kind]}</Link>
        <span className="mx-1">/</span>
        <span>版本详情</span>
      </nav>

      <header className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold text-slate-900 sm:text-2xl">
            <span data-testid="edition-title">{edition.title}</span>
            <EditionStatusBadge status={edition.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-500">
            {KIND_LABELS[edition.kind]}
            {edition.areaUnit && <span data-testid="edition-area"> · {edition.areaUnit.name}版本</span>}
            {" "}· 共 {edition._count.items} 个事项
            {edition._count.subItems > 0 && `（含 ${edition._count.subItems} 个子项）`}
            {edition.status === "ISSUED"
              ? ` · ${formatDate(edition.issuedAt)} 由${edition.issuedByName ?? "编办"}发布`
              : ` · ${formatDateTime(edition.createdAt)} 由${edition.createdByName ?? "编办"}创建`}
            {edition.copiedFrom && (
              <>
                {" · 复制自 "}
                <Link href={`/catalogue/editions/${edition.copiedFrom.id}`} className="text-brand-700 hover:underline">「{edition.copiedFrom.title}」</Link>
              </>
            )}
          </p>
          {edition.description && <p className="mt-1 max-w-3xl text-sm text-slate-600">{edition.description}</p>}
          {filing && (
            <p className="mt-1 text-sm text-slate-600" data-testid="edition-filing">
              向市编办备案：
              <FilingStatusBadge status={filing.status} />
              {filing.reviewedAt && `（${formatDate(filing.reviewedAt)} ${filing.reviewedByName ?? "市编办"}）`}
              {filing.status === "RETURNED" && filing.opinion && `：${filing.opinion}`}
              {" · "}
              <Link href={`/filings/${filing.id}`} className="text-brand-700 hover:underline">
                查看备案
              </Link>
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {canEdit && (
            <Link href={`${basePath}/items/new`} className={buttonClass.primary} data-testid="new-item">
              新增事项
            </Link>
          )}
          {canImport && (
            <Link href={`${basePath}/import`} className={buttonClass.secondary} data-testid="edition-import">
              导入文件
            </Link>
          )}
          {canIssue && <IssueEditionButton edition={info} />}
          {edition.copiedFrom ? (
            <Link href={`/catalogue/compare?from=${edition.copiedFrom.id}&to=${edition.id}`} className={buttonClass.secondary} data-testid="edition-compare">
              与原版本对比
            </Link>
          ) : (
            <Link href={`/catalogue/compare?to=${edition.id}`} className={buttonClass.secondary} data-testid="edition-compare">
              版本对比
            </Link>
          )}
        </div>
      </header>

      {one(raw.created) && <Notice>版本已创建。可以新增事项或导入文件；核对无误后再发布。</Notice>}
      {imported && (
        <Notice testId="import-done">
          已导入 {imported} 个事项{one(raw.skipped) && one(raw.skipped) !== "0" ? `，跳过 ${one(raw.skipped)} 个与本版本已有事项相同的事项` : ""}。
        </Notice>
      )}
      {draft && (
        <Notice tone="amber">
          这是草稿，只有编办能看到。{canIssue ? "核对无误后点击「发布」，发布后不能再修改。" : ""}
          {canIssue && edition.areaUnit ? "发布时自动报市编办备案。" : ""}
        </Notice>
      )}
      {pending.length > 0 && (
        <Notice tone="blue">
          您有 {pending.length} 个上传的文件尚未确认导入：
          {pending.map((p) => (
            <Link key={p.id} href={`${basePath}/import/${p.id}`} className="ml-2 font-medium underline">
              {p.fileName}
            </Link>
          ))}
        </Notice>
      )}

      {counts.total > 0 && (
        <section aria-label="分类统计" className="grid gap-3 md:grid-cols-2" data-testid="edition-counts">
          <CountChips title="按权力类型" entries={counts.byType} param="type" basePath={basePath} filter={filter} />
          <CountChips title="按领域" entries={counts.byDomain} param="domain" basePath={basePath} filter={filter} />
        </section>
      )}

      <form method="get" action={basePath} role="search" aria-label="筛选事项" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]" data-testid="item-filter">
        <div className="space-y-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-700">搜索</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder="事项名称、子项、编码或实施依据" className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="type" className="block text-sm font-medium text-slate-700">权力类型</label>
          <select id="type" name="type" defaultValue={filter.type?.toString() ?? ""} className={inputClass}>
            <option value="">全部类型</option>
            {counts.byType.map((t) => (
              <option key={t.id ?? "none"} value={t.id ?? "none"}>{t.name}（{t.count}）</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="domain" className="block text-sm font-medium text-slate-700">领域</label>
          <select id="domain" name="domain" defaultValue={filter.domain?.toString() ?? ""} className={inputClass}>
            <option value="">全部领域</option>
            {counts.byDomain.map((d) => (
              <option key={d.id ?? "none"} value={d.id ?? "none"}>{d.name}（{d.count}）</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="dept" className="block text-sm font-medium text-slate-700">实施部门</label>
          <select id="dept" name="dept" defaultValue={filter.dept?.toString() ?? ""} className={inputClass}>
            <option value="">全部部门</option>
            {counts.byDepartment.map((d) => (
              <option key={d.id!} value={d.id!}>{d.name}（{d.count}）</option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-2">
          {filter.sort !== "position" && <input type="hidden" name="sort" value={filter.sort} />}
          {filter.dir !== "asc" && <input type="hidden" name="dir" value={filter.dir} />}
          {filter.size !== 20 && <input type="hidden" name="size" value={filter.size} />}
          <button type="submit" className={buttonClass.primary}>查询</button>
          {filtered && <Link href={basePath} className={buttonClass.secondary}>清除</Link>}
        </div>
      </form>

      {rows.length === 0 ? (
        <div data-testid="items-empty">
          {total > 0 ? (
            <EmptyState title="这一页没有事项">
              <Link href={filterHref(basePath, filter, { page: undefined })} className={buttonClass.link}>回到第一页</Link>
            </EmptyState>
          ) : filtered ? (
            <EmptyState title="没有符合条件的事项">
              请换个关键词或放宽筛选条件，或 <Link href={basePath} className={buttonClass.link}>清除筛选</Link>。
            </EmptyState>
          ) : (
            <EmptyState title="这个版本还没有事项">
              {canEdit ? <>点击「新增事项」逐项录入，或「导入文件」从 Excel/CSV 批量导入。</> : "编办录入事项后会显示在这里。"}
            </EmptyState>
          )}
        </div>
      ) : (
        <div>
          {bulk && <BulkEditForm formId={BULK_FORM_ID} editionId={id} domains={bulk.domains} departments={bulk.departments} />}
          <ItemTable rows={rows} filter={filter} basePath={basePath} editionId={id} canEdit={canEdit} bulkFormId={bulk ? BULK_FORM_ID : undefined} />
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Pagination page={filter.page} pageSize={filter.size} total={total} basePath={basePath} params={pageParams} />
            <span className="mt-4 flex items-center gap-2 text-sm text-slate-600">
              每页
              {[20, 50, 100].map((n) =>
                n === filter.size ? (
                  <span key={n} className="font-medium text-slate-900">{n}</span>
                ) : (
                  <Link key={n} href={filterHref(basePath, filter, { size: n === 20 ? undefined : n, page: undefined })} className="text-brand-700 hover:underline">{n}</Link>
                ),
              )}
              条
            </span>
          </div>
        </div>
      )}

      <section className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-sm font-semibold text-slate-700">导出本版本</h2>
        <ExportLinks editionId={id} />
      </section>

      {canSeeImports && reports.length > 0 && <ImportReports reports={reports} />}

      {canEdit && (
        <section className="grid items-start gap-4 md:grid-cols-2">
          <details className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer text-sm font-semibold text-slate-700">修改版本名称和说明</summary>
            <div className="mt-3">
              <EditEditionForm edition={{ id: edition.id, title: edition.title, description: edition.description, stamp: stampOf(edition.updatedAt) }} />
            </div>
          </details>
          <div className="rounded-lg border border-red-200 bg-white p-4">
            <h2 className="text-sm font-semibold text-slate-700">删除草稿</h2>
            <p className="mb-3 mt-1 text-sm text-slate-500">不再需要这个草稿时可以删除；已发布的版本不能删除。</p>
            <DeleteEditionButton edition={info} listPath={KIND_PATHS[edition.kind]} />
          </div>
        </section>
      )}
    </div>
  );
}

function CountChips({
  title,
  entries,
  param,
  basePath,
  filter,
}: {
  title: string;
  entries: { id: number | null; name: string; count: number }[];
  param: "type" | "domain";
  basePath: string;
  filter: ReturnType<typeof itemFilterSchema.parse>;
}) {
  const current = filter[param];
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 className="mb-2 text-xs font-semibold text-slate-500">{title}</h2>
      <ul className="flex flex-wrap gap-1.5">
        {entries.map((e) => {
          const value = e.id ?? "none";
          const active = current === value;
          return (
            <li key={String(value)}>
              <Link
                href={filterHref(basePath, filter, { [param]: active ? undefined : value, page: undefined })}
                aria-current={active ? "true" : undefined}
                className={`inline-flex items-center gap-1 rounded-full px-2.5 py-1 text-xs ring-1 ring-inset ${active ? "bg-brand-600 text-white ring-brand-600" : "bg-slate-50 text-slate-700 ring-slate-200 hover:bg-brand-50"}`}
              >
                {e.name}
                <span className={`tabular-nums ${active ? "text-white/80" : "text-slate-500"}`}>{e.count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
