"use client";

import { useRouter } from "next/navigation";
import { deleteItemAction } from "@/lib/catalogue/actions";
import { buttonClass } from "@/components/ui/cx";
import { useAction } from "@/components/ui/use-action";
import { ConfirmButton } from "@/components/ui/confirm-button";

export function DeleteItemButton({ item, redirectTo, compact = true }: { item: { id: number; name: string }; redirectTo?: string; compact?: boolean }) {
  const router = useRouter();
  const { run, pending, error } = useAction(deleteItemAction);
  return (
    <span className="inline-flex flex-col gap-1">
      <ConfirmButton
        title="删除这个事项？"
        message={<p>将从本草稿中删除「{item.name}」及其子项。</p>}
        confirmLabel="确认删除"
        pending={pending}
        pendingLabel="正在删除…"
        className={compact ? "text-sm font-medium text-red-600 hover:text-red-800 hover:underline disabled:opacity-60" : buttonClass.secondary}
        testId={`delete-item-${item.id}`}
        onConfirm={() => run({ id: item.id }, () => (redirectTo ? router.push(redirectTo) : router.refresh()))}
      >
        删除
      </ConfirmButton>
      {error && (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      )}
    </span>
  );
}
