import type { Metadata } from "next";
import { requireEntry } from "@/lib/auth/session";
import { areaOf } from "@/lib/auth/scope";
import { editionOptions } from "@/lib/catalogue/queries";
import { NewEditionForm } from "@/components/catalogue/new-edition-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "新建版本" };

export default async function NewEditionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireEntry("catalogue.edit");
  const params = await searchParams;
  const area = areaOf(user);
  if (area) {
    // A district 编办 derives its district's guidance catalogue from an issued city edition (or
    // from one of its own): the copy keeps the link, so the comparison shows what it changed.
    const sources = (await editionOptions(user, "GUIDANCE")).filter((e) => e.areaUnitId === area.districtId || e.status === "ISSUED");
    return (
      <div>
        <PageHeader
          title="编制本区县赋权事项指导清单"
          description="以市级已发布的指导清单为依据复制一份本区县版本，再删去不适用的事项、调整内容或增补本地事项；发布后自动报市编办备案。"
        />
        <NewEditionForm kind="GUIDANCE" start="copy" editions={sources} district />
      </div>
    );
  }
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
