import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { unitOptions } from "@/lib/units/queries";
import { CreateUnitForm } from "@/components/admin/unit-form";
import { buttonClass } from "@/components/ui/cx";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "新建单位" };

export default async function NewUnitPage({ searchParams }: { searchParams: Promise<{ parentId?: string | string[] }> }) {
  const me = await requirePermission("unit.manage");
  const { parentId } = await searchParams;
  const parents = await unitOptions(me);
  return (
    <div>
      <PageHeader
        title="新建单位"
        description="单位须设在相应类别的上级之下，例如街道设在区（县）之下，社区设在街道或乡镇之下。"
        actions={<Link href="/admin/units" className={buttonClass.secondary}>返回组织机构</Link>}
      />
      <CreateUnitForm parents={parents} defaultParentId={typeof parentId === "string" ? Number(parentId) : undefined} />
    </div>
  );
}
