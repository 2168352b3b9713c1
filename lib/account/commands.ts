import type { CommandContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import type { ChangePasswordInput } from "./schema";

export async function changeOwnPassword(input: ChangePasswordInput, { tx, user, audit }: CommandContext) {
  const current = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, username: true } });
  if (!(await verifyPassword(input.currentPassword, current.passwordHash))) {
    throw new AppError("VALIDATION", "当前密码不正确。", { currentPassword: "当前密码不正确" });
  }
  const problem = passwordProblem(input.newPassword, current.username);
  if (problem) throw new AppError("VALIDATION", problem, { newPassword: problem });
  // Bumping the session version signs out every other session of this account.
  await tx.user.update({
    where: { id: user.id },
    data: {
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      passwordChangedAt: new Date(),
      sessionVersion: { increment: 1 },
    },
  });
  await audit({ action: "account.changePassword", subjectType: "user", subjectId: user.id });
  return { username: current.username };
}
