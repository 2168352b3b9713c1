import Link from "next/link";
import type { CatalogueKind } from "@/lib/generated/prisma/enums";
import { can, mayEnter } from "@/lib/auth/policy";
import { areaOf } from "@/lib/auth/scope";
import { asEditionSubject } from "@/lib/catalogue/policy";
import { requireEntry } from "@/lib/auth/session";
import { formatDateTime, formatDateText } from "@/lib/format";
import { KIND_LABELS } from "@/lib/catalogue/labels";
import { listEditions } from "@/lib/catalogue/queries";
import { buttonClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { EditionStatusBadge } from "./badges";
import { IssueEditionButton } from "./edition-buttons";
import { table } from "./table";

const DESCRIPTIONS: Record<CatalogueKind, string> = {
  GUIDANCE: "上级印发的可向街道（乡镇）赋权的事项目录，按版本管理。已发布的版本不能修改，调整时请新建版本。",
  GENERAL: "街道（乡镇）依法履行的法定权力事项目录，按版本管理。已发布的版本不能修改，调整时请新建版本。",
};

export async function EditionListPage({ kind }: { kind: CatalogueKind }) {
  const user = await requireEntry("catalogue.read");
  const editions = await listEditions(kind, user);
  // A district 编办 makes its district's edition of the guidance catalogue only, derived from a
  // city edition; which editions it may touch is asked row by row.
  const district = !!areaOf(user);
  const canEdit = mayEnter(user, "catalogue.edit") && (!district || kind === "GUIDANCE");
  const canImport = mayEnter(user, "catalogue.import") && !district;
  const canIssueRow = (e: (typeof editions)[number]) => can(user, "catalogue.issue", asEditionSubject(e));
  const canImportRow = (e: (typeof editions)[number]) => can(user, "catalogue.import", asEditionSubject(e));
  const showArea = editions.some((e) => e.areaUnitId != null);
  const label = KIND_LABELS[kind];

  return (
    <div>
      <PageHeader
        title={label}
        description={DESCRIPTIONS[kind]}
        actions={
          <>
            {canEdit && (
              <Link href={`/catalogue/editions/new?kind=${kind}${district ? "&start=copy" : ""}`} className={buttonClass.primary} data-testid="new-edition">
                {district ? "编制本区县版本" : "新建版本"}
              </Link>
            )}
            {canImport && (
              <Link href={`/catalogue/editions/new?kind=${kind}&start=import`} className={buttonClass.secondary} data-testid="import-edition">
                从文件导入
              </Link>
            )}
            {editions.length >= 1 && (
              <Link href={`/catalogue/compare?kind=${kind}`} className={buttonClass.secondary} data-testid="kind-compare">
                版本对比
              </Link>
            )}
          </>
        }
      />

      {editions.length === 0 ? (
        <EmptyState title={canEdit ? "还没有版本" : "暂无已发布的版本"}>
          {canEdit ? (
            <>
              点击「新建版本」创建空白版本或复制已有版本，也可以「从文件导入」上级印发的 Excel 清单。
            </>
          ) : (
            <>编办发布{label}后，会显示在这里。</>
          )}
        </EmptyState>
      ) : (
        <div className={table.wrapper}>
          <table className={table.table} data-testid="editions-table">
            <caption className="sr-only">{label}的版本</caption>
            <thead className={table.thead}>
              <tr>
                <th scope="col" className={table.th}>版本名称</th>
                {showArea && <th scope="col" className={table.th}>适用范围</th>}
                <th scope="col" className={table.th}>状态</th>
                <th scope="col" className={`${table.th} text-right`}>事项数</th>
                <th scope="col" className={table.th}>发布 / 创建</th>
                <th scope="col" className={table.th}>操作</th>
              </tr>
            </thead>
            <tbody className={table.tbody}>
              {editions.map((e) => (
                <tr key={e.id} data-testid={`edition-row-${e.id}`}>
                  <td className={`${table.td} min-w-[16rem]`}>
                    <Link href={`/catalogue/editions/${e.id}`} className="font-medium text-brand-700 hover:underline">
                      {e.title}
                    </Link>
                    {e.copiedFrom && <p className="mt-0.5 text-xs text-slate-500">复制自「{e.copiedFrom.title}」</p>}
                    {e.description && <p className="mt-0.5 line-clamp-2 text-xs text-slate-500">{e.description}</p>}
                  </td>
                  {showArea && (
                    <td className={`${table.td} whitespace-nowrap`} data-testid="edition-area">
                      {e.areaUnit ? <Badge tone="blue">{e.areaUnit.name}</Badge> : <span className="text-slate-600">全市</span>}
                    </td>
                  )}
                  <td className={table.td}>
                    <EditionStatusBadge status={e.status} />
                  </td>
                  <td className={`${table.td} text-right tabular-nums`}>{e._count.items}</td>
                  <td className={`${table.td} whitespace-nowrap text-xs text-slate-600`}>
                    {e.status === "ISSUED" ? (
                      <>
                        {formatDateText(e.issuedAt)}发布
                        {e.issuedByName && <span className="block text-slate-500">{e.issuedByName}</span>}
                      </>
                    ) : (
                      <>
                        {formatDateTime(e.createdAt)} 创建
                        {e.createdByName && <span className="block text-slate-500">{e.createdByName}</span>}
                      </>
                    )}
                  </td>
                  <td className={`${table.td} whitespace-nowrap`}>
                    <span className="flex flex-wrap items-center gap-3">
                      <Link href={`/catalogue/editions/${e.id}`} className={buttonClass.link}>查看</Link>
                      {e.status === "DRAFT" && canImportRow(e) && (
                        <Link href={`/catalogue/editions/${e.id}/import`} className={buttonClass.link}>导入</Link>
                      )}
                      {e.status === "DRAFT" && canIssueRow(e) && (
                        <IssueEditionButton compact edition={{ id: e.id, title: e.title, items: e._count.items }} />
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
