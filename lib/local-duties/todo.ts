import "server-only";
import { prisma } from "@/lib/db/client";
import { can } from "@/lib/auth/policy";
import type { TodoItem } from "@/lib/todo";
import type { SessionUser } from "@/lib/auth/types";
import { unitsWithUnpublishedChanges } from "./pending";

/** 编办: local-duty lists changed (added, corrected, removed or imported) but not yet published. */
export async function localDutyTodos(user: SessionUser): Promise<TodoItem[]> {
  if (!can(user, "localDuty.manage")) return [];
  const units = await unitsWithUnpublishedChanges(prisma);
  if (units.length === 0) return [];
  const title = units.length === 1 ? `${units[0].unitName}的属地管理事项清单有修改，尚未公布新版本` : "属地管理事项清单有修改，尚未公布新版本";
  return [{ area: "属地管理", title, href: units.length === 1 ? `/local-duties/manage/${units[0].unitId}` : "/local-duties#pending", count: units.length }];
}

