import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { categoryOptions, draftItem, getList, powerTypeOptions } from "@/lib/lists/queries";
import { buttonClass } from "@/components/ui/cx";
import { PageHeader } from "@/components/ui/page-header";
import { ItemForm } from "@/components/lists/item-form";
import { SourceBadge } from "@/components/lists/status";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "编辑事项" };

export default async function EditItemPage({ params }: { params: Promise<{ id: string; itemId: string }> }) {
  const user = await requireUser();
  const p = await params;
  const id = routeId(p.id) ?? notFound();
  const itemId = routeId(p.itemId) ?? notFound();
  const [list, item] = await Promise.all([getList(id), draftItem(id, itemId)]);
  if (!list || !item) notFound();
  if (!can(user, "list.edit", { type: "powerList", unitId: list.unitId, status: list.status })) forbidden();
  const [categories, powerTypes] = await Promise.all([categoryOptions(), powerTypeOptions()]);
  return (
    <div>
      <p className="mb-1 text-sm">
        <Link href={`/lists/manage/${id}#item-${itemId}`} className={buttonClass.link}>
          ← {list.title}
        </Link>
      </p>
      <PageHeader
        title="编辑事项"
        description={
          <span className="flex flex-wrap items-center gap-2">
            <SourceBadge source={item.source} />
            {item.sourceLabel}
            {item.updatedByName && <span>· 最近由{item.updatedByName}于 {formatDateTime(item.updatedAt)} 修改</span>}
          </span>
        }
      />
      <ItemForm listId={id} listVersion={list.version} item={item} form={list.form} categories={categories} powerTypes={powerTypes} />
    </div>
  );
}
