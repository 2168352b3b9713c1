import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { categoryOptions, getList, powerTypeOptions } from "@/lib/lists/queries";
import { buttonClass } from "@/components/ui/cx";
import { PageHeader } from "@/components/ui/page-header";
import { ItemForm } from "@/components/lists/item-form";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "添加事项" };

export default async function NewItemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = routeId((await params).id) ?? notFound();
  const list = await getList(id);
  if (!list) notFound();
  if (!can(user, "list.edit", { type: "powerList", unitId: list.unitId, status: list.status })) forbidden();
  const [categories, powerTypes] = await Promise.all([categoryOptions(), powerTypeOptions()]);
  return (
    <div>
      <p className="mb-1 text-sm">
        <Link href={`/lists/manage/${id}`} className={buttonClass.link}>
          ← {list.title}
        </Link>
      </p>
      <PageHeader title="添加事项" description="本单位依法履行、但不在通用清单和赋权事项中的职权，请逐项填写。" />
      <ItemForm listId={id} listVersion={list.version} item={null} form={list.form} categories={categories} powerTypes={powerTypes} />
    </div>
  );
}
