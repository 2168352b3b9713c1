import * as XLSX from "@e965/xlsx";
import { DUTY_COLUMNS } from "./labels";
import { TEMPLATE_HEADERS } from "./import";

export const TEMPLATE_EXAMPLE = ["城市管理", "背街小巷环境卫生日常巡查", "区城市管理综合执法局", "制定环境卫生标准，组织检查考核。", "日常巡查，发现问题及时处置或上报。", "《城市市容和环境卫生管理条例》第十条", "区城管局", "街道办事处（社区）"];

/** The import template: the header row of a 属地管理事项清单 and one example row to overwrite. */
export function dutyImportTemplate(): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet([TEMPLATE_HEADERS, TEMPLATE_EXAMPLE]);
  const width = Object.fromEntries(DUTY_COLUMNS.map((c) => [c.label, c.width]));
  sheet["!cols"] = TEMPLATE_HEADERS.map((h) => ({ wch: width[h] ?? 20 }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, "属地管理事项清单");
  return XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
}
