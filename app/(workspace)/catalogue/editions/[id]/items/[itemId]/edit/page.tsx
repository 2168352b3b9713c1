import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { can, subjectInArea } from "@/lib/auth/policy";
import { requireEntry } from "@/lib/auth/session";
import { asEditionSubject } from "@/lib/catalogue/policy";
import { DETAIL_FIELDS, subItemFields, type DetailField } from "@/lib/catalogue/item-data";
import { getItem, itemFormOptions } from "@/lib/catalogue/queries";
import { ItemForm } from "@/components/catalogue/item-form";
import { stampOf } from "@/lib/edit-stamp";
import { Notice } from "@/components/catalogue/messages";
import { PageHeader } from "@/components/ui/page-header";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "编辑事项" };

export default async function EditItemPage({ params }: { params: Promise<{ id: string; itemId: string }> }) {
  const user = await requireEntry("catalogue.edit");
  const { id, itemId } = await params;
  const item = await getItem(routeId(itemId) ?? notFound());
  if (!item || item.editionId !== routeId(id)) notFound();
  if (!can(user, "catalogue.read", asEditionSubject(item.edition))) return subjectInArea(user, asEditionSubject(item.edition)) ? forbidden() : notFound();
  if (!can(user, "catalogue.edit", asEditionSubject(item.edition))) forbidden();
  const itemPath = `/catalogue/editions/${id}/items/${item.id}`;
  if (item.edition.status !== "DRAFT") {
    return (
      <div className="space-y-4">
        <PageHeader title="编辑事项" />
        <Notice tone="amber">「{item.edition.title}」已发布，其中的事项不能再修改。如需调整，请基于它新建版本。</Notice>
        <Link href={itemPath} className="text-sm text-brand-700 hover:underline">返回事项</Link>
      </div>
    );
  }
  const options = await itemFormOptions();
  const details: Partial<Record<DetailField, string | null>> = {};
  for (const f of DETAIL_FIELDS) details[f] = item[f];
  return (
    <div>
      <PageHeader title="编辑事项" description={`草稿「${item.edition.title}」中的事项。带 * 的为必填项。`} />
      {item.powerTypeId == null && item.powerTypeRaw && (
        <div className="mb-4">
          <Notice tone="amber">原表中的权力类型「{item.powerTypeRaw}」不在字典中，请选择对应的权力类型。</Notice>
        </div>
      )}
      <ItemForm
        editionId={item.editionId}
        options={options}
        initial={{
          id: item.id,
          stamp: stampOf(item.updatedAt),
          seq: item.seq,
          code: item.code,
          name: item.name,
          powerTypeId: item.powerTypeId,
          domainId: item.domainId,
          departmentId: item.departmentId,
          departmentName: item.departmentName,
          details,
          subItems: item.subItems.map((s) => ({ name: s.name, powerTypeId: s.powerTypeId, fields: subItemFields(s.fields) as Record<string, string> })),
        }}
      />
    </div>
  );
}
