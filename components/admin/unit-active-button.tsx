"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { setUnitActiveAction } from "@/lib/units/actions";
import { useAction } from "@/components/ui/use-action";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormError, FormSuccess } from "@/components/ui/form-messages";
import { dangerOutlineButton } from "@/components/ui/cx";

export function UnitActiveButton({ unit }: { unit: { id: number; name: string; active: boolean; userCount: number } }) {
  const router = useRouter();
  const { run, pending, error } = useAction(setUnitActiveAction);
  const [message, setMessage] = useState<string | null>(null);

  function setActive(active: boolean) {
    setMessage(null);
    run({ id: unit.id, active }, () => {
      setMessage(active ? "单位已启用。" : "单位已停用。");
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      {unit.active ? (
        <ConfirmButton
          title="停用单位"
          message={
            <>
              停用「{unit.name}」后，它不再出现在单位选择中
              {unit.userCount > 0 ? `，该单位的 ${unit.userCount} 个账号将无法登录` : ""}
              。历史记录会保留，之后可以重新启用。有在用下级单位时不能停用。确定停用吗？
            </>
          }
          confirmLabel="停用单位"
          pending={pending}
          pendingLabel="正在停用…"
          className={dangerOutlineButton}
          testId="deactivate-unit"
          onConfirm={() => setActive(false)}
        >
          停用单位
        </ConfirmButton>
      ) : (
        <ConfirmButton
          title="启用单位"
          message={<>启用「{unit.name}」后，它重新出现在单位选择中，其账号可以再次登录。确定启用吗？</>}
          confirmLabel="启用单位"
          tone="primary"
          pending={pending}
          pendingLabel="正在启用…"
          testId="activate-unit"
          onConfirm={() => setActive(true)}
        >
          启用单位
        </ConfirmButton>
      )}
      <FormError message={error} />
      {message && <FormSuccess testId="unit-active-message">{message}</FormSuccess>}
    </div>
  );
}
