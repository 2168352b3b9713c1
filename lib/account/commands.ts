import type { CommandContext } from "@/lib/action";
import type { RequestMeta } from "@/lib/audit/write";
import type { SessionUser } from "@/lib/auth/types";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { recordPasswordFailure } from "@/lib/auth/commands";
import { forgetDemoPasswordCheck } from "@/lib/auth/demo-passwords";
import { throttlePolicy } from "@/lib/auth/limits";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { isLocked } from "@/lib/auth/throttle";
import type { ChangePasswordInput } from "./schema";

/**
 * Checks the current password before the change's transaction opens, because a wrong one must be
 * counted and recorded even though the change itself is refused (and rolled back). Wrong
 * current passwords count toward the same lockout as failed sign-ins.
 */
export async function checkCurrentPassword(input: ChangePasswordInput, user: SessionUser, meta: RequestMeta) {
  const current = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { passwordHash: true, failedLoginCount: true, lockedUntil: true },
  });
  if (isLocked(current, new Date())) {
    throw new AppError("LOCKED", "当前密码错误次数过多，账号已暂时锁定。请稍后再试，或联系管理员解锁。");
  }
  if (!(await verifyPassword(input.currentPassword, current.passwordHash))) {
    const { locked } = await recordPasswordFailure(prisma, user, meta, throttlePolicy());
    if (locked) throw new AppError("LOCKED", "当前密码错误次数过多，账号已锁定并退出登录。请稍后重新登录，或联系管理员解锁。");
    throw new AppError("VALIDATION", "当前密码不正确。", { currentPassword: "当前密码不正确" });
  }
  return { passwordHash: current.passwordHash };
}

export async function changeOwnPassword(
  input: ChangePasswordInput,
  { tx, user, audit, prepared }: CommandContext & { prepared: { passwordHash: string } },
) {
  const current = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, username: true } });
  // Changed between the check and now (another session or an administrator's reset).
  if (current.passwordHash !== prepared.passwordHash) throw new AppError("CONFLICT", "密码刚被修改过，请重新输入当前密码。");
  const problem = passwordProblem(input.newPassword, current.username);
  if (problem) throw new AppError("VALIDATION", problem, { newPassword: problem });
  // Bumping the session version and revoking the session rows signs out every session of this
  // account, including this one (the form signs back in with the new password).
  await tx.user.update({
    where: { id: user.id },
    data: {
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      passwordChangedAt: new Date(),
      failedLoginCount: 0,
      lockedUntil: null,
      sessionVersion: { increment: 1 },
    },
  });
  await revokeUserSessions(tx, user.id, "passwordChange");
  await audit({ action: "account.changePassword", subjectType: "user", subjectId: user.id });
  forgetDemoPasswordCheck();
  return { username: current.username };
}
