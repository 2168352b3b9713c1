"use client";

import { useRouter } from "next/navigation";
import { useAction } from "@/components/ui/use-action";
import { buttonClass } from "@/components/ui/cx";
import { markNotificationsReadAction } from "@/lib/notifications/actions";

export function MarkReadButton() {
  const router = useRouter();
  const { run, pending, error } = useAction(markNotificationsReadAction);
  return (
    <span className="flex items-center gap-2">
      <button type="button" className={buttonClass.secondary} disabled={pending} onClick={() => run({}, () => router.refresh())}>
        {pending ? "正在处理…" : "全部标为已读"}
      </button>
      {error && <span role="alert" className="text-sm text-red-600">{error}</span>}
    </span>
  );
}
