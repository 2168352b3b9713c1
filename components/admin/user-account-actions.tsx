"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { resetUserPasswordAction, setUserActiveAction, unlockUserAction } from "@/lib/users/actions";
import { buttonClass } from "@/components/ui/cx";
import { useAction } from "@/components/ui/use-action";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormError, FormSuccess } from "@/components/ui/form-messages";
import { dangerOutlineButton } from "@/components/ui/cx";
import { TemporaryPassword } from "./temporary-password";

export function UserAccountActions({
  user,
}: {
  user: { id: number; username: string; displayName: string; active: boolean; locked: boolean };
}) {
  const router = useRouter();
  const activate = useAction(setUserActiveAction);
  const reset = useAction(resetUserPasswordAction);
  const unlock = useAction(unlockUserAction);
  const [message, setMessage] = useState<string | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const who = `${user.displayName}（${user.username}）`;

  function done(text: string) {
    setMessage(text);
    router.refresh();
  }

  function clear() {
    setMessage(null);
    setPassword(null);
  }

  return (
    <div className="space-y-3" data-testid="user-account-actions">
      <div className="flex flex-wrap gap-2">
        {user.active ? (
          <ConfirmButton
            title="停用账号"
            message={<>停用后 {who} 将无法登录，已登录的会话会立即失效。账号和历史记录会保留，之后可以重新启用。确定停用吗？</>}
            confirmLabel="停用账号"
            pending={activate.pending}
            pendingLabel="正在停用…"
            className={dangerOutlineButton}
            testId="deactivate-user"
            onConfirm={() => {
              clear();
              activate.run({ id: user.id, active: false }, () => done("账号已停用。"));
            }}
          >
            停用账号
          </ConfirmButton>
        ) : (
          <ConfirmButton
            title="启用账号"
            message={<>启用后 {who} 可以再次登录。确定启用吗？</>}
            confirmLabel="启用账号"
            tone="primary"
            pending={activate.pending}
            pendingLabel="正在启用…"
            testId="activate-user"
            onConfirm={() => {
              clear();
              activate.run({ id: user.id, active: true }, () => done("账号已启用。"));
            }}
          >
            启用账号
          </ConfirmButton>
        )}
        <ConfirmButton
          title="重置密码"
          message={<>将为 {who} 生成新的初始密码，原密码立即失效，已登录的会话也会退出；对方下次登录须修改密码。确定重置吗？</>}
          confirmLabel="重置密码"
          pending={reset.pending}
          pendingLabel="正在重置…"
          testId="reset-password"
          onConfirm={() => {
            clear();
            reset.run({ id: user.id }, (data) => {
              setPassword(data.temporaryPassword);
              router.refresh();
            });
          }}
        >
          重置密码
        </ConfirmButton>
        {user.locked && (
          <button
            type="button"
            className={buttonClass.secondary}
            disabled={unlock.pending}
            data-testid="unlock-user"
            onClick={() => {
              clear();
              unlock.run({ id: user.id }, () => done("账号已解锁，失败次数已清零。"));
            }}
          >
            {unlock.pending ? "正在解锁…" : "解锁"}
          </button>
        )}
      </div>
      <FormError message={activate.error ?? reset.error ?? unlock.error} />
      {message && <FormSuccess testId="user-action-message">{message}</FormSuccess>}
      {password && <TemporaryPassword password={password} title={`已重置 ${user.username} 的密码`} />}
    </div>
  );
}
