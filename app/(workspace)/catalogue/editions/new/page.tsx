import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { editionOptions } from "@/lib/catalogue/queries";
import { NewEditionForm } from "@/components/catalogue/new-edition-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "新建版本" };

export default async function NewEditionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("catalogue.edit");
  const params = await searchParams;
  const kind = params.kind === "GENERAL" ? "GENERAL" : "GUIDANCE";
  const start = params.start === "import" ? "import" : params.start === "copy" ? "copy" : "blank";
  const editions = await editionOptions(user);
  return (
    <div>
      <PageHeader title="新建版本" description="新版本是草稿，只有编办能看到；录入或导入完成、核对无误后再发布。" />
      <NewEditionForm kind={kind} start={start} editions={editions} />
    </div>
  );
}
