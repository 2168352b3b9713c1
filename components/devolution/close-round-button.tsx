"use client";

import { useRouter } from "next/navigation";
import { closeDevolutionRoundAction } from "@/lib/devolution/actions";
import { useAction } from "@/components/ui/use-action";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { dangerOutlineButton } from "@/components/ui/cx";

export function CloseDevolutionRoundButton({ roundId, open }: { roundId: number; open: number }) {
  const router = useRouter();
  const { run, pending, error } = useAction(closeDevolutionRoundAction);
  return (
    <span className="inline-flex flex-col gap-1">
      <ConfirmButton
        title="结束本轮承接确认"
        message={<>{open > 0 ? `还有 ${open} 条事项尚未确定。` : "全部事项均已确定。"}结束后本轮不能再修改，也不能重新开启。确定结束吗？</>}
        confirmLabel="结束本轮"
        pending={pending}
        pendingLabel="正在结束…"
        className={dangerOutlineButton}
        onConfirm={() => run({ roundId }, () => router.refresh())}
      >
        结束本轮
      </ConfirmButton>
      {error && <span role="alert" className="text-xs text-red-600">{error}</span>}
    </span>
  );
}
