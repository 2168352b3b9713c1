import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireEntry } from "@/lib/auth/session";
import { today as todayInChina } from "@/lib/dates";
import { publishListAction } from "@/lib/lists/actions";
import { draftItems, getList } from "@/lib/lists/queries";
import { buttonClass } from "@/components/ui/cx";
import { PageHeader } from "@/components/ui/page-header";
import { PublishForm } from "@/components/lists/publish-form";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "印发公布" };

export default async function PublishPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireEntry("list.publish");
  const id = routeId((await params).id) ?? notFound();
  const list = await getList(id);
  if (!list) notFound();
  // Just published (the form's own re-render, or a post made before the page was interactive):
  // the list's page shows the new version.
  if (list.status === "PUBLISHED") redirect(`/lists/manage/${id}`);
  if (!can(user, "list.publish", { type: "powerList", unitId: list.unitId, status: list.status })) forbidden();
  const items = await draftItems(id);
  const next = list.versionCount + 1;
  return (
    <div>
      <p className="mb-1 text-sm">
        <Link href={`/lists/manage/${id}`} className={buttonClass.link}>
          ← {list.title}
        </Link>
      </p>
      <PageHeader title="印发公布" description={`${list.title}：审核已全部通过，共 ${items.length} 项。填写印发文件信息后公布为第 ${next} 版。`} />
      <PublishForm
        action={publishListAction}
        kind="list"
        input={{ listId: id, version: list.version }}
        today={todayInChina()}
        summary={`将「${list.title}」公布为第 ${next} 版，共 ${items.length} 项。`}
        redirectTo={`/lists/manage/${id}`}
      />
    </div>
  );
}
