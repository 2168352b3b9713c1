import { download, workspaceRoute } from "@/lib/route";
import { dutyImportTemplate } from "@/lib/local-duties/import-template";

export const dynamic = "force-dynamic";

/** The spreadsheet template for importing 存量事项 into a 属地管理事项清单 (编办 only). */
export const GET = workspaceRoute({
  permission: "localDuty.manage",
  forbidden: "您没有权限下载导入模板。",
  handle: async () => download({ body: dutyImportTemplate(), fileName: "属地管理事项清单导入模板.xlsx", fallback: "local-duties-template.xlsx", type: "xlsx" }),
});
