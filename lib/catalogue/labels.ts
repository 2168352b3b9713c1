import { FIELD_LABELS } from "./fields";
import type { CatalogueKind, EditionStatus } from "@/lib/generated/prisma/enums";

export const KIND_LABELS: Record<CatalogueKind, string> = {
  GUIDANCE: "赋权事项指导清单",
  GENERAL: "街道通用权责清单",
};

export const KIND_PATHS: Record<CatalogueKind, string> = {
  GUIDANCE: "/catalogue/guidance",
  GENERAL: "/catalogue/general",
};

export const KIND_EXAMPLES: Record<CatalogueKind, string> = {
  GUIDANCE: "湖北省赋权事项指导清单（2021年版）",
  GENERAL: "某市街道通用权责清单（2024年版）",
};

export const STATUS_LABELS: Record<EditionStatus, string> = { DRAFT: "草稿", ISSUED: "已发布" };

export { FIELD_LABELS };

/** Chinese names of the audit actions and subjects this area writes (for the audit log page). */
export const CATALOGUE_AUDIT_LABELS: Record<string, string> = {
  "catalogue.edition.create": "新建清单版本",
  "catalogue.edition.update": "修改清单版本信息",
  "catalogue.edition.issue": "发布清单版本",
  "catalogue.edition.delete": "删除草稿版本",
  "catalogue.item.create": "新增清单事项",
  "catalogue.item.update": "修改清单事项",
  "catalogue.item.delete": "删除清单事项",
  "catalogue.item.bulkEdit": "批量设置清单事项的领域、部门",
  "catalogue.import.upload": "上传导入文件",
  "catalogue.import.adjust": "调整导入预览",
  "catalogue.import.discard": "放弃导入",
  "catalogue.import": "导入清单",
  "catalogue.import.cli": "命令行导入清单",
  "dictionary.create": "新增字典条目",
  "dictionary.update": "修改字典条目",
  "dictionary.rename": "字典条目改名",
  "dictionary.activate": "启用字典条目",
  "dictionary.deactivate": "停用字典条目",
};

export const CATALOGUE_SUBJECT_LABELS: Record<string, string> = {
  catalogueEdition: "清单版本",
  catalogueItem: "清单事项",
  importSession: "导入任务",
  dictionaryEntry: "字典条目",
};
