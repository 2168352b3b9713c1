import Link from "next/link";
import type { Metadata } from "next";
import { requireEntry } from "@/lib/auth/session";
import { unitsWithoutList } from "@/lib/lists/queries";
import { buttonClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CreateListForm } from "@/components/lists/create-list-form";

export const metadata: Metadata = { title: "新建清单" };

export default async function NewListPage() {
  const user = await requireEntry("list.create");
  const units = (await unitsWithoutList(user)).filter((u) => u.forms.length < 2);
  return (
    <div>
      <PageHeader title="新建清单" description="选择编制单位和清单样式，系统生成草案后即可逐项修改。" />
      {units.length === 0 ? (
        <EmptyState title="没有可以新建清单的单位">
          每个单位每种样式只编制一份清单，已有的清单请在原清单上修改或申请调整。
          <span className="mt-3 block">
            <Link href="/lists/manage" className={buttonClass.link}>
              返回清单列表
            </Link>
          </span>
        </EmptyState>
      ) : (
        <CreateListForm units={units} />
      )}
    </div>
  );
}
