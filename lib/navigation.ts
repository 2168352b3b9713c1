import { mayEnter, type Permission } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";

export type NavItem = { href: string; label: string; permission: Permission; group: string };

// Each area adds its entries here; the shell shows only what the user's roles allow.
export const NAV_ITEMS: NavItem[] = [
  { href: "/workspace", label: "工作台", permission: "workspace.view", group: "" },
  { href: "/catalogue/guidance", label: "赋权事项指导清单", permission: "catalogue.read", group: "清单目录" },
  { href: "/catalogue/general", label: "通用权责清单", permission: "catalogue.read", group: "清单目录" },
  { href: "/catalogue/dictionary", label: "字典管理", permission: "dictionary.manage", group: "清单目录" },
  { href: "/devolution/rounds", label: "赋权承接确认", permission: "devolution.read", group: "赋权承接" },
  { href: "/devolution/claims", label: "通用权责清单认领", permission: "claim.read", group: "赋权承接" },
  { href: "/lists/manage", label: "职权清单编制", permission: "list.read", group: "职权清单" },
  { href: "/lists/adjustments", label: "动态调整", permission: "adjustment.read", group: "职权清单" },
  { href: "/lists/categories", label: "职能分类", permission: "listCategory.manage", group: "职权清单" },
  { href: "/typed-lists/manage", label: "各类清单", permission: "typedList.read", group: "职权清单" },
  { href: "/admission", label: "准入申请", permission: "admission.read", group: "准入" },
  { href: "/local-duties", label: "属地管理事项清单", permission: "localDuty.read", group: "准入" },
  { href: "/refusals", label: "任务登记与拒绝", permission: "refusal.read", group: "准入" },
  { href: "/appraisal", label: "年度评议", permission: "appraisal.read", group: "准入" },
  { href: "/appraisal/rate", label: "参加评议", permission: "appraisal.rate", group: "准入" },
  { href: "/funding", label: "费随事转", permission: "funding.read", group: "准入" },
  { href: "/calendar", label: "工作日历", permission: "calendar.read", group: "准入" },
  { href: "/evaluation", label: "双向考评", permission: "evaluation.read", group: "考评派单" },
  { href: "/dispatch", label: "双向派单", permission: "dispatch.read", group: "考评派单" },
  { href: "/filings", label: "备案审查", permission: "filing.read", group: "区县备案" },
  { href: "/admin/users", label: "用户管理", permission: "user.read", group: "系统管理" },
  { href: "/admin/units", label: "组织机构", permission: "unit.read", group: "系统管理" },
  { href: "/admin/audit", label: "审计日志", permission: "audit.read", group: "系统管理" },
  { href: "/admin/list-types", label: "清单类型", permission: "listType.manage", group: "系统管理" },
];

export function navigationFor(user: SessionUser): NavItem[] {
  return NAV_ITEMS.filter((item) => mayEnter(user, item.permission));
}
