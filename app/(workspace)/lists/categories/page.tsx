import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { categoryOptions } from "@/lib/lists/queries";
import { PageHeader } from "@/components/ui/page-header";
import { CategoryManager } from "@/components/lists/category-manager";
import { stampOf } from "@/lib/edit-stamp";

export const metadata: Metadata = { title: "职能分类" };

export default async function CategoriesPage() {
  await requirePermission("listCategory.manage");
  const categories = await categoryOptions({ includeInactive: true });
  return (
    <div>
      <PageHeader
        title="职能分类"
        description="职权清单按职能分类编排（利川：统筹区域发展、组织公共服务、实施综合管理、维护公共安全、指导基层自治、加强行政执法）。已公布的版本保留公布时的分类名称；停用的分类不能再选用。"
      />
      <CategoryManager categories={categories.map((c) => ({ id: c.id, name: c.name, active: c.active, items: c._count.items, stamp: stampOf(c.updatedAt) }))} />
    </div>
  );
}
