import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireEntry } from "@/lib/auth/session";
import { asEditionSubject } from "@/lib/catalogue/policy";
import { formatDateTime } from "@/lib/format";
import { KIND_LABELS, KIND_PATHS } from "@/lib/catalogue/labels";
import { MAPPABLE_FIELDS } from "@/lib/catalogue/preview";
import { getEdition, importPreview, itemFormOptions } from "@/lib/catalogue/queries";
import { previewFilterSchema } from "@/lib/catalogue/schema";
import { formatSize } from "@/components/catalogue/import-reports";
import { ColumnMapper, CommitBar, ExcludeErrorsButton, PreviewRows, ResetButton, TextMapper } from "@/components/catalogue/import-preview";
import { Notice } from "@/components/catalogue/messages";
import { table } from "@/components/catalogue/table";
import { buttonClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "导入预览" };

const PAGE_SIZE = 50;
const FORMATS: Record<string, string> = { xlsx: "Excel（.xlsx）", xls: "Excel 97-2003（.xls）", csv: "CSV 文本", html: "网页表格", xml: "XML 表格", ods: "OpenDocument 表格" };

type Props = { params: Promise<{ id: string; sessionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportPreviewPage({ params, searchParams }: Props) {
  const user = await requireEntry("catalogue.import");
  const { id, sessionId } = await params;
  const editionId = routeId(id) ?? notFound();
  const data = await importPreview(routeId(sessionId) ?? notFound(), user);
  if (!data || data.session.editionId !== editionId) notFound();
  const edition = await getEdition(editionId);
  if (!edition) notFound();
  if (!can(user, "catalogue.import", asEditionSubject(edition))) forbidden();
  const filter = previewFilterSchema.parse(await searchParams);
  const { session, preview, parse, previous, options } = data;
  const editionPath = `/catalogue/editions/${editionId}`;
  const basePath = `${editionPath}/import/${session.id}`;
  const { powerTypes, domains } = await itemFormOptions();
  const activeTypes = powerTypes.filter((t) => t.active).map((t) => ({ id: t.id, name: t.name }));
  const activeDomains = domains.filter((d) => d.active).map((d) => ({ id: d.id, name: d.name }));

  const breadcrumb = (
    <nav aria-label="位置" className="text-sm text-slate-500">
      <Link href={KIND_PATHS[edition.kind]} className="hover:text-brand-700 hover:underline">{KIND_LABELS[edition.kind]}</Link>
      <span className="mx-1">/</span>
      <Link href={editionPath} className="hover:text-brand-700 hover:underline">{edition.title}</Link>
      <span className="mx-1">/</span>
      <Link href={`${editionPath}/import`} className="hover:text-brand-700 hover:underline">导入</Link>
      <span className="mx-1">/</span>
      <span>预览</span>
    </nav>
  );

  const header = (
    <div>
      <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">导入预览</h1>
      <p className="mt-1 text-sm text-slate-500">
        文件「<span className="font-medium text-slate-700" data-testid="preview-file">{session.fileName}</span>」· {formatSize(session.size)}
        {parse.format && ` · ${FORMATS[parse.format] ?? parse.format}`} · {formatDateTime(session.createdAt)} 上传，24 小时内有效 · 导入到草稿「{edition.title}」
      </p>
    </div>
  );

  if (!preview) {
    return (
      <div className="space-y-5">
        {breadcrumb}
        {header}
        <Notice tone="amber">{parse.error ?? "文件无法读取。"}</Notice>
        {Object.keys(options.columnMap).length > 0 && <ResetButton sessionId={session.id} />}
        <CommitBar sessionId={session.id} editionId={editionId} toImport={0} subItems={0} blocked="文件无法读取，不能导入。" />
      </div>
    );
  }

  const { counts } = preview;
  const problems = preview.rows.filter((r) => r.issues.length > 0 && r.status !== "excluded");
  const errorKeys = preview.rows.filter((r) => r.status === "error").map((r) => r.key);
  const shown =
    filter.show === "problems" ? problems : filter.show === "errors" ? preview.rows.filter((r) => r.status === "error") : filter.show === "excluded" ? preview.rows.filter((r) => r.status === "excluded") : preview.rows;
  const pageRows = shown.slice((filter.page - 1) * PAGE_SIZE, filter.page * PAGE_SIZE);
  const parsedSheets = preview.sheets.filter((s) => s.status === "parsed");
  const unmapped = parsedSheets.reduce((n, s) => n + s.columns.filter((c) => !c.field).length, 0);
  const typeTexts = [
    ...preview.unknownTypes.map((t) => ({ ...t, mappedTo: null })),
    ...Object.entries(options.typeMap).map(([text, entryId]) => ({ text, count: 0, mappedTo: entryId })),
  ];
  const domainTexts = [
    ...preview.unknownDomains.map((t) => ({ ...t, mappedTo: null })),
    ...Object.entries(options.domainMap).map(([text, entryId]) => ({ text, count: 0, mappedTo: entryId })),
  ];
  const changed = Object.keys(options.columnMap).length + Object.keys(options.typeMap).length + Object.keys(options.domainMap).length + Object.keys(options.edits).length + options.excluded.length > 0;

  const blocked = edition.status !== "DRAFT"
    ? "该版本已发布，不能再导入。"
    : previous
      ? `该文件已于 ${formatDateTime(previous.createdAt)} 由${previous.createdByName ?? "他人"}导入本版本（${previous.itemCount} 个事项），不能重复导入。`
      : counts.errors > 0
        ? `还有 ${counts.errors} 个事项有错误：请修改，或选择「不导入」后再确认。`
        : counts.toImport === 0
          ? "没有需要导入的新事项（全部已排除，或与本版本已有事项相同）。"
          : null;

  const tabs = [
    { key: "all", label: "全部", count: counts.rows },
    { key: "problems", label: "有问题", count: problems.length },
    { key: "errors", label: "有错误", count: counts.errors },
    { key: "excluded", label: "不导入", count: counts.excluded },
  ] as const;

  return (
    <div className="space-y-6">
      {breadcrumb}
      {header}

      {previous && (
        <Notice tone="amber" testId="duplicate-file">
          这个文件（内容完全相同）已于 {formatDateTime(previous.createdAt)} 由{previous.createdByName ?? "他人"}导入本版本，共 {previous.itemCount} 个事项。为避免重复，不能再次导入。
        </Notice>
      )}
      {preview.notices.map((n, i) => (
        <Notice key={i} tone="blue">{n}</Notice>
      ))}

      <section aria-label="预览汇总" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="preview-summary">
        <Stat label="读到事项" value={parse.itemCount} note={parse.subItemCount ? `含 ${parse.subItemCount} 个子项` : undefined} testId="stat-read" />
        <Stat label="将导入" value={counts.toImport} tone="green" testId="stat-import" />
        <Stat label="有错误" value={counts.errors} tone={counts.errors ? "red" : undefined} testId="stat-errors" />
        <Stat label="有提示" value={counts.warnings} tone={counts.warnings ? "amber" : undefined} />
        <Stat label="不导入" value={counts.excluded} />
        <Stat label="与已有相同" value={counts.identical} note="将跳过" />
      </section>

      <section className="space-y-2">
        <h2 className="text-base font-semibold text-slate-800">工作表</h2>
        <div className={table.wrapper}>
          <table className={table.table} data-testid="preview-sheets">
            <thead className={table.thead}>
              <tr>
                <th scope="col" className={table.th}>工作表</th>
                <th scope="col" className={table.th}>表头位置</th>
                <th scope="col" className={`${table.th} text-right`}>读到事项</th>
                <th scope="col" className={`${table.th} text-right`}>名称中写明</th>
                <th scope="col" className={table.th}>说明</th>
              </tr>
            </thead>
            <tbody className={table.tbody}>
              {preview.sheets.map((s) => (
                <tr key={s.name} data-testid="preview-sheet">
                  <td className={`${table.td} font-medium`}>{s.name}</td>
                  <td className={`${table.td} whitespace-nowrap`}>{s.headerRow ? `第 ${s.headerRow} 行` : "—"}</td>
                  <td className={`${table.td} text-right tabular-nums`}>
                    {s.status === "parsed" ? s.items : "—"}
                    {s.subItems > 0 && <span className="block text-xs text-slate-500">子项 {s.subItems}</span>}
                  </td>
                  <td className={`${table.td} text-right tabular-nums`}>{s.statedCount ?? "—"}</td>
                  <td className={`${table.td} text-xs`}>
                    {s.status === "skipped" ? (
                      <span className="text-slate-500">{s.skipReason}</span>
                    ) : s.countMismatch ? (
                      <span className="text-amber-800">与名称中写明的 {s.statedCount} 项不一致，请核对</span>
                    ) : s.statedCount !== null ? (
                      <span className="text-emerald-700">与名称一致</span>
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                    {s.skipped.length > 0 && (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-slate-500">跳过 {s.skipped.length} 行（标题、备注、合计等）</summary>
                        <ul className="mt-1 space-y-0.5 text-slate-500">
                          {s.skipped.slice(0, 50).map((k) => (
                            <li key={k.row}>第 {k.row} 行：{k.reason}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {parsedSheets.length > 0 && (
        <section className="space-y-2">
          <details open={unmapped > 0 && parsedSheets.length === 1} className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer text-base font-semibold text-slate-800">
              列对照{unmapped > 0 && <span className="ml-2 text-sm font-normal text-amber-700">（{unmapped} 列未识别，不会导入；如有需要的内容，请指定对应字段）</span>}
            </summary>
            <div className="mt-3 space-y-4">
              {parsedSheets.map((s) => (
                <div key={s.name} className="space-y-1">
                  {parsedSheets.length > 1 && <h3 className="text-sm font-medium text-slate-700">工作表「{s.name}」</h3>}
                  <ColumnMapper sessionId={session.id} sheet={s.name} columns={s.columns} fields={MAPPABLE_FIELDS} />
                </div>
              ))}
            </div>
          </details>
        </section>
      )}

      {typeTexts.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-base font-semibold text-slate-800">权力类型对照</h2>
          <p className="text-sm text-slate-500">下列写法不在权力类型字典中，请指定各自对应的类型；也可以到「字典管理」把它们加为同义词，以后自动识别。</p>
          <TextMapper sessionId={session.id} change="type" texts={typeTexts} options={activeTypes} testId="type-mapper" />
        </section>
      )}
      {domainTexts.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-base font-semibold text-slate-800">领域对照</h2>
          <p className="text-sm text-slate-500">下列领域不在字典中，不对照也可以导入（保留原文，不参与按领域统计）。</p>
          <TextMapper sessionId={session.id} change="domain" texts={domainTexts} options={activeDomains} />
        </section>
      )}

      <section className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold text-slate-800">逐项预览</h2>
          <div className="flex flex-wrap items-center gap-3">
            <ExcludeErrorsButton sessionId={session.id} keys={errorKeys} />
            {changed && <ResetButton sessionId={session.id} />}
          </div>
        </div>
        <nav aria-label="按状态筛选" className="flex flex-wrap gap-1 border-b border-slate-200">
          {tabs.map((t) => (
            <Link
              key={t.key}
              href={t.key === "all" ? basePath : `${basePath}?show=${t.key}`}
              aria-current={filter.show === t.key ? "page" : undefined}
              className={`-mb-px border-b-2 px-3 py-2 text-sm ${filter.show === t.key ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {t.label} <span className="tabular-nums text-slate-500">{t.count}</span>
            </Link>
          ))}
        </nav>
        {pageRows.length === 0 ? (
          <EmptyState title={filter.show === "all" ? "文件中没有读到事项" : "没有这类事项"}>
            {filter.show !== "all" && <Link href={basePath} className={buttonClass.link}>查看全部</Link>}
          </EmptyState>
        ) : (
          <>
            <PreviewRows sessionId={session.id} rows={pageRows} types={activeTypes} multiSheet={parsedSheets.length > 1} />
            <Pagination page={filter.page} pageSize={PAGE_SIZE} total={shown.length} basePath={basePath} params={{ show: filter.show === "all" ? undefined : filter.show }} />
          </>
        )}
      </section>

      <CommitBar sessionId={session.id} editionId={editionId} toImport={counts.toImport} subItems={counts.subItems} blocked={blocked} />
    </div>
  );
}

function Stat({ label, value, note, tone, testId }: { label: string; value: number; note?: string; tone?: "green" | "red" | "amber"; testId?: string }) {
  const color = tone === "green" ? "text-emerald-700" : tone === "red" ? "text-red-700" : tone === "amber" ? "text-amber-700" : "text-slate-900";
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3" data-testid={testId}>
      <p className="text-xs text-slate-500">{label}</p>
      <p className={`text-2xl font-semibold tabular-nums ${color}`}>{value}</p>
      {note && <p className="text-xs text-slate-500">{note}</p>}
    </div>
  );
}
