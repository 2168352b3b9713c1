import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { can, subjectInArea } from "@/lib/auth/policy";
import { requireEntry } from "@/lib/auth/session";
import { asEditionSubject } from "@/lib/catalogue/policy";
import { formatDateTime } from "@/lib/format";
import { FIELD_LABELS, KIND_LABELS, KIND_PATHS } from "@/lib/catalogue/labels";
import { CANONICAL_FIELDS } from "@/lib/catalogue/import/fields";
import { getEdition, importReports, pendingImports } from "@/lib/catalogue/queries";
import { ImportReports, formatSize } from "@/components/catalogue/import-reports";
import { ImportUpload } from "@/components/catalogue/import-upload";
import { Notice } from "@/components/catalogue/messages";
import { PageHeader } from "@/components/ui/page-header";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "导入清单" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireEntry("catalogue.import");
  const id = routeId((await params).id) ?? notFound();
  const edition = id > 0 ? await getEdition(id) : null;
  if (!edition) notFound();
  // Another district's edition answers as if it did not exist.
  if (!can(user, "catalogue.read", asEditionSubject(edition))) return subjectInArea(user, asEditionSubject(edition)) ? forbidden() : notFound();
  if (!can(user, "catalogue.import", asEditionSubject(edition))) forbidden();
  const editionPath = `/catalogue/editions/${id}`;
  const [reports, pending] = await Promise.all([importReports(id), pendingImports(id, user.id)]);

  return (
    <div className="space-y-6">
      <nav aria-label="位置" className="text-sm text-slate-500">
        <Link href={KIND_PATHS[edition.kind]} className="hover:text-brand-700 hover:underline">{KIND_LABELS[edition.kind]}</Link>
        <span className="mx-1">/</span>
        <Link href={editionPath} className="hover:text-brand-700 hover:underline">{edition.title}</Link>
        <span className="mx-1">/</span>
        <span>导入</span>
      </nav>
      <PageHeader
        title="导入清单文件"
        description={`把 Excel 或 CSV 格式的清单导入草稿「${edition.title}」。上传后先预览，确认无误再写入；同一个文件不会重复导入。`}
      />

      {edition.status !== "DRAFT" ? (
        <Notice tone="amber">「{edition.title}」已发布，不能再导入。请新建版本后导入。</Notice>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
          <div className="space-y-4">
            {pending.length > 0 && (
              <Notice tone="blue">
                <p className="font-medium">已上传、尚未确认导入的文件：</p>
                <ul className="mt-1 space-y-0.5">
                  {pending.map((p) => (
                    <li key={p.id}>
                      <Link href={`${editionPath}/import/${p.id}`} className="underline">{p.fileName}</Link>
                      <span className="ml-2 text-xs">{formatSize(p.size)} · {formatDateTime(p.createdAt)} 上传</span>
                    </li>
                  ))}
                </ul>
              </Notice>
            )}
            <ImportUpload editionId={id} />
          </div>
          <aside className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">
            <h2 className="font-semibold text-slate-800">文件要求</h2>
            <ul className="list-disc space-y-1 pl-4">
              <li>Excel（.xlsx、.xls）或 CSV 文件，不超过 20 MB，不能设置打开密码。</li>
              <li>要有表头行，且有“事项名称”（或“项目名称”“权力名称”等）一列；表头上方的标题行会自动跳过。</li>
              <li>一个工作表一种权力类型、工作表名写明项数（如「行政许可（3项）」）的文件也能识别。</li>
              <li>合并单元格、一个事项分多行的子项会按原表的意思合并。</li>
            </ul>
            <h3 className="pt-2 font-semibold text-slate-800">能识别的列</h3>
            <p className="text-xs leading-relaxed">{CANONICAL_FIELDS.map((f) => FIELD_LABELS[f]).join("、")}。识别不了的列可以在预览时手工指定。</p>
          </aside>
        </div>
      )}

      {reports.length > 0 && <ImportReports reports={reports} />}
    </div>
  );
}
