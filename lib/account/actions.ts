"use server";

import { defineAction } from "@/lib/action";
import { changePasswordSchema } from "./schema";
import { changeOwnPassword, checkCurrentPassword } from "./commands";

export const changePasswordAction = defineAction({
  schema: changePasswordSchema,
  permission: "account.changePassword",
  prepare: checkCurrentPassword,
  run: changeOwnPassword,
});
