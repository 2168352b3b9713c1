import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/cx";
import { ListTypeForm } from "@/components/list-types/forms";

export const metadata: Metadata = { title: "新建清单类型" };

export default async function NewListTypePage() {
  await requirePermission("listType.manage");
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/list-types" className={buttonClass.link}>
          ← 清单类型
        </Link>
      </p>
      <PageHeader title="新建清单类型" />
      <ListTypeForm />
    </div>
  );
}
