import { z } from "zod";
import { filterId, filterPage, filterText, id, idOf, text } from "@/lib/validation";
import { ROLES } from "@/lib/auth/roles";

const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "用户名至少 3 位")
  .max(32, "用户名不能超过 32 位")
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, "用户名只能使用小写字母、数字、点、下划线和短横线，并以字母或数字开头");

const displayName = text("姓名", 50);
const roles = z.array(z.enum(ROLES)).min(1, "至少选择一个角色").max(ROLES.length);
const phone = z
  .string()
  .trim()
  .max(30, "电话不能超过 30 位")
  .regex(/^[0-9+\-() ]*$/, "电话只能包含数字和 + - ( )")
  .optional()
  .transform((v) => v || null);

export const createUserSchema = z.object({
  username,
  displayName,
  unitId: idOf("请选择所属单位"),
  roles,
  phone,
});

export const updateUserSchema = z.object({
  id,
  displayName,
  unitId: idOf("请选择所属单位"),
  roles,
  phone,
});

export const userIdSchema = z.object({ id });
export const setUserActiveSchema = z.object({ id, active: z.boolean() });

export const userFilterSchema = z.object({
  q: filterText(50),
  role: z.enum(ROLES).optional().catch(undefined),
  unitId: filterId,
  status: z.enum(["active", "inactive", "locked"]).optional().catch(undefined),
  page: filterPage(),
});

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
export type UserFilter = z.infer<typeof userFilterSchema>;
