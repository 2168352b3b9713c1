import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { dictionaryEntries } from "@/lib/dictionary/queries";
import { DictionaryManager } from "@/components/catalogue/dictionary-manager";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "字典管理" };

export default async function DictionaryPage() {
  await requirePermission("dictionary.manage");
  const entries = await dictionaryEntries();
  return (
    <div className="space-y-8">
      <PageHeader
        title="字典管理"
        description="清单事项使用的权力类型和领域。条目只能停用，不能删除，以免已发布版本中的事项失去分类；改名后所有版本随之显示新名称。"
      />
      <DictionaryManager
        kind="POWER_TYPE"
        title="权力类型"
        description="导入时按名称和同义词识别；如「行政监督」是「行政检查」的同义词。"
        entries={entries.filter((e) => e.kind === "POWER_TYPE")}
      />
      <DictionaryManager kind="DOMAIN" title="领域" description="事项所属的执法或管理领域，用于筛选和统计。" entries={entries.filter((e) => e.kind === "DOMAIN")} />
    </div>
  );
}
