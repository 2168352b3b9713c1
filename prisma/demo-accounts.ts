import type { Role } from "../lib/generated/prisma/enums";

/** One demo account per role. The README's table lists the same accounts. */
export const DEMO_ACCOUNTS: { username: string; password: string; displayName: string; unit: string; roles: Role[]; label: string }[] = [
  { username: "admin", password: "Qingdan@2026", displayName: "王建国", unit: "示例市委编办", roles: ["BIANBAN_ADMIN"], label: "编办管理员（示例市委编办）" },
  { username: "bianban", password: "Qingdan@2026", displayName: "李秀英", unit: "示例市委编办", roles: ["BIANBAN_STAFF"], label: "编办工作人员（示例市委编办）" },
  { username: "chengguan", password: "Qingdan@2026", displayName: "张伟", unit: "示例市城市管理综合执法局", roles: ["DEPARTMENT"], label: "部门（城管局）" },
  { username: "sifa", password: "Qingdan@2026", displayName: "刘洋", unit: "示例市司法局", roles: ["REVIEWER"], label: "联席会议成员单位（司法局）" },
  { username: "jiedao", password: "Qingdan@2026", displayName: "陈静", unit: "东湖街道办事处", roles: ["STREET"], label: "街道（东湖街道）" },
  { username: "shequ", password: "Qingdan@2026", displayName: "杨丽", unit: "东湖桂花社区", roles: ["COMMUNITY"], label: "社区（桂花社区）" },
  { username: "donghu", password: "Qingdan@2026", displayName: "周敏", unit: "东湖区委编办", roles: ["BIANBAN_ADMIN"], label: "区编办管理员（东湖区委编办）" },
  { username: "xishan", password: "Qingdan@2026", displayName: "吴刚", unit: "西山县委编办", roles: ["BIANBAN_ADMIN"], label: "县编办管理员（西山县委编办）" },
  { username: "lingdao", password: "Qingdan@2026", displayName: "赵明", unit: "示例市人民政府", roles: ["LEADER"], label: "领导（市政府分管领导）" },
];
