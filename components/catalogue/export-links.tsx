import { buttonClass } from "@/components/ui/cx";

/** Downloads of an edition; the route checks permissions again. */
export function ExportLinks({ editionId, compact = false }: { editionId: number; compact?: boolean }) {
  const base = `/api/catalogue/editions/${editionId}/export`;
  const cls = compact ? buttonClass.link : buttonClass.secondary;
  return (
    <span className="flex flex-wrap items-center gap-2" data-testid="export-links">
      <a href={`${base}?format=xlsx`} className={cls} download>
        导出 Excel
      </a>
      <a href={`${base}?format=xlsx&split=type`} className={cls} download title="每种权力类型一个工作表">
        {compact ? "按类型分表" : "导出 Excel（按权力类型分表）"}
      </a>
      <a href={`${base}?format=csv`} className={cls} download>
        导出 CSV
      </a>
    </span>
  );
}
