import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { listTypeForEdit } from "@/lib/list-types/queries";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/cx";
import { FormSuccess } from "@/components/ui/form-messages";
import { ListTypeForm } from "@/components/list-types/forms";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "修改清单类型" };

export default async function EditListTypePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  await requirePermission("listType.manage");
  const id = routeId((await params).id) ?? notFound();
  const type = await listTypeForEdit(id);
  if (!type) notFound();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/list-types" className={buttonClass.link}>
          ← 清单类型
        </Link>
      </p>
      <PageHeader title={type.name} description={`类型代码 ${type.code}`} />
      {(await searchParams).saved && <FormSuccess testId="list-type-created">清单类型已新建。可到「各类清单」为单位新建清单草稿。</FormSuccess>}
      <ListTypeForm key={type.revision} type={type} />
    </div>
  );
}
