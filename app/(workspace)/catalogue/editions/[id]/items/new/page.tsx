import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { can, subjectInArea } from "@/lib/auth/policy";
import { requireEntry } from "@/lib/auth/session";
import { asEditionSubject } from "@/lib/catalogue/policy";
import { getEdition, itemFormOptions } from "@/lib/catalogue/queries";
import { ItemForm } from "@/components/catalogue/item-form";
import { Notice } from "@/components/catalogue/messages";
import { PageHeader } from "@/components/ui/page-header";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "新增事项" };

export default async function NewItemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireEntry("catalogue.edit");
  const id = routeId((await params).id) ?? notFound();
  const edition = id > 0 ? await getEdition(id) : null;
  if (!edition) notFound();
  // Another district's edition answers as if it did not exist.
  if (!can(user, "catalogue.read", asEditionSubject(edition))) return subjectInArea(user, asEditionSubject(edition)) ? forbidden() : notFound();
  if (!can(user, "catalogue.edit", asEditionSubject(edition))) forbidden();
  if (edition.status !== "DRAFT") {
    return (
      <div className="space-y-4">
        <PageHeader title="新增事项" />
        <Notice tone="amber">「{edition.title}」已发布，不能再新增事项。如需调整，请基于它新建版本。</Notice>
        <Link href={`/catalogue/editions/${id}`} className="text-sm text-brand-700 hover:underline">返回版本</Link>
      </div>
    );
  }
  const options = await itemFormOptions();
  return (
    <div>
      <PageHeader title="新增事项" description={`添加到草稿「${edition.title}」。带 * 的为必填项。`} />
      <ItemForm editionId={id} options={options} />
    </div>
  );
}
