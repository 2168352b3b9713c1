"use server";

import { defineAction } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import { createUserSchema, setUserActiveSchema, updateUserSchema, userIdSchema } from "./schema";
import { createUser, resetUserPassword, setUserActive, unlockUser, updateUser, userSubject as loadUserSubject } from "./commands";

const userSubject = (input: { id: number }, tx: Tx) => loadUserSubject(tx, input.id);
const revalidate = ["/admin/users"];

export const createUserAction = defineAction({ schema: createUserSchema, permission: "user.create", run: createUser, revalidate });
export const updateUserAction = defineAction({ schema: updateUserSchema, permission: "user.manage", subject: userSubject, run: updateUser, revalidate });
export const setUserActiveAction = defineAction({ schema: setUserActiveSchema, permission: "user.manage", subject: userSubject, run: setUserActive, revalidate });
export const resetUserPasswordAction = defineAction({ schema: userIdSchema, permission: "user.manage", subject: userSubject, run: resetUserPassword, revalidate });
export const unlockUserAction = defineAction({ schema: userIdSchema, permission: "user.manage", subject: userSubject, run: unlockUser, revalidate });
