import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { can, subjectInArea } from "@/lib/auth/policy";
import { asEditionSubject } from "@/lib/catalogue/policy";
import { requireEntry } from "@/lib/auth/session";
import { KIND_LABELS, KIND_PATHS } from "@/lib/catalogue/labels";
import { getItem, itemNeighbours } from "@/lib/catalogue/queries";
import { EditionStatusBadge, TypeLabel } from "@/components/catalogue/badges";
import { DeleteItemButton } from "@/components/catalogue/delete-item-button";
import { DetailList, SubItemCards } from "@/components/catalogue/item-detail";
import { Notice } from "@/components/catalogue/messages";
import { buttonClass } from "@/components/ui/cx";
import { routeId } from "@/lib/validation";

type Props = { params: Promise<{ id: string; itemId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "事项详情" };

export default async function ItemPage({ params, searchParams }: Props) {
  const user = await requireEntry("catalogue.read");
  const { id, itemId } = await params;
  const item = await getItem(routeId(itemId) ?? notFound());
  if (!item || item.editionId !== routeId(id)) notFound();
  const edition = item.edition;
  if (!can(user, "catalogue.read", asEditionSubject(edition))) return subjectInArea(user, asEditionSubject(edition)) ? forbidden() : notFound();
  const canEdit = edition.status === "DRAFT" && can(user, "catalogue.edit", asEditionSubject(edition));
  const { previous, next } = await itemNeighbours(edition.id, item.position);
  const editionPath = `/catalogue/editions/${edition.id}`;
  const saved = (await searchParams).saved;
  const extra = item.extra && typeof item.extra === "object" ? Object.entries(item.extra as Record<string, string>).filter(([, v]) => v) : [];

  return (
    <div className="space-y-5">
      <nav aria-label="位置" className="text-sm text-slate-500">
        <Link href={KIND_PATHS[edition.kind]} className="hover:text-brand-700 hover:underline">{KIND_LABELS[edition.kind]}</Link>
        <span className="mx-1">/</span>
        <Link href={editionPath} className="hover:text-brand-700 hover:underline">{edition.title}</Link>
        <span className="mx-1">/</span>
        <span>事项详情</span>
      </nav>

      <header className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0">
          <p className="text-sm text-slate-500">
            序号 {item.seq ?? item.position}
            {item.code && <span className="ml-2 font-mono">{item.code}</span>}
          </p>
          <h1 className="mt-1 text-xl font-semibold text-slate-900 sm:text-2xl" data-testid="item-name">{item.name}</h1>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <EditionStatusBadge status={edition.status} />
            <span>权力类型：<TypeLabel name={item.powerType?.name} raw={item.powerTypeRaw} /></span>
            <span>领域：{item.domain?.name ?? item.domainRaw ?? "—"}</span>
            <span>实施部门：{item.department?.name ?? item.departmentName ?? "—"}</span>
          </p>
        </div>
        {canEdit && (
          <div className="flex flex-wrap items-start gap-2">
            <Link href={`${editionPath}/items/${item.id}/edit`} className={buttonClass.primary} data-testid="edit-item">编辑</Link>
            <DeleteItemButton item={{ id: item.id, name: item.name }} redirectTo={editionPath} compact={false} />
          </div>
        )}
      </header>

      {saved && <Notice testId="item-saved">已保存。</Notice>}

      <section className="rounded-lg border border-slate-200 bg-white px-4 py-2">
        <DetailList values={item} always={["legalBasis"]} />
        {item.department == null && item.departmentName && (
          <p className="py-2 text-xs text-slate-500">实施部门「{item.departmentName}」未能对应到本系统中的部门。</p>
        )}
      </section>

      {item.subItems.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-base font-semibold text-slate-800">子项（{item.subItems.length} 个）</h2>
          <SubItemCards subItems={item.subItems} />
        </section>
      )}

      {extra.length > 0 && (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-sm font-semibold text-slate-700">原表中的其他列</h2>
          <dl className="space-y-2">
            {extra.map(([k, v]) => (
              <div key={k} className="grid gap-1 sm:grid-cols-[9rem_1fr] sm:gap-4">
                <dt className="text-sm text-slate-500">{k}</dt>
                <dd className="whitespace-pre-line text-sm text-slate-800">{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {item.sourceSheet && (
        <p className="text-xs text-slate-500">
          导入自工作表「{item.sourceSheet}」第 {item.sourceRow} 行。
        </p>
      )}

      <nav aria-label="翻页" className="flex flex-wrap justify-between gap-2 border-t border-slate-200 pt-4 text-sm">
        {previous ? (
          <Link href={`${editionPath}/items/${previous.id}`} className="max-w-[45%] truncate text-brand-700 hover:underline">← 上一项：{previous.name}</Link>
        ) : (
          <span />
        )}
        <Link href={editionPath} className="text-slate-600 hover:underline">返回版本</Link>
        {next ? (
          <Link href={`${editionPath}/items/${next.id}`} className="max-w-[45%] truncate text-right text-brand-700 hover:underline">下一项：{next.name} →</Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
