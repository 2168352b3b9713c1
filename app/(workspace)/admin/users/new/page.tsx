import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { unitOptions } from "@/lib/units/queries";
import { CreateUserForm } from "@/components/admin/user-form";
import { buttonClass } from "@/components/ui/cx";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "新建用户" };

export default async function NewUserPage({ searchParams }: { searchParams: Promise<{ unitId?: string | string[] }> }) {
  const me = await requirePermission("user.create");
  const { unitId } = await searchParams;
  const units = await unitOptions(me);
  return (
    <div>
      <PageHeader
        title="新建用户"
        description="为在用的单位开设账号。角色须与单位类别相符。"
        actions={<Link href="/admin/users" className={buttonClass.secondary}>返回用户列表</Link>}
      />
      <CreateUserForm units={units} defaultUnitId={typeof unitId === "string" ? Number(unitId) : undefined} />
    </div>
  );
}
