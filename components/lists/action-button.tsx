"use client";

import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors";
import { buttonClass } from "@/components/ui/cx";
import { useAction } from "@/components/ui/use-action";
import { ConfirmButton } from "@/components/ui/confirm-button";

/**
 * A button that runs one server action with a fixed input (ids and the version the page was
 * rendered with), optionally after a confirmation, and refreshes the page. Failures (a conflict,
 * a state that changed) are shown beside it.
 */
export function ActionButton<I>({
  action,
  input,
  children,
  confirm,
  className = buttonClass.small,
  pendingLabel = "正在处理…",
  testId,
  ariaLabel,
  redirectTo,
}: {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  children: React.ReactNode;
  confirm?: { title: string; message: React.ReactNode; confirmLabel: string; tone?: "danger" | "primary" };
  className?: string;
  pendingLabel?: string;
  testId?: string;
  ariaLabel?: string;
  redirectTo?: string;
}) {
  const router = useRouter();
  const { run, pending, error } = useAction(action);
  const go = () =>
    run(input, () => {
      if (redirectTo) router.push(redirectTo);
      router.refresh();
    });
  return (
    <span className="inline-flex flex-col items-start gap-1">
      {confirm ? (
        <ConfirmButton
          title={confirm.title}
          message={confirm.message}
          confirmLabel={confirm.confirmLabel}
          tone={confirm.tone ?? "primary"}
          onConfirm={go}
          pending={pending}
          pendingLabel={pendingLabel}
          className={className}
          testId={testId}
        >
          {children}
        </ConfirmButton>
      ) : (
        <button type="button" className={className} disabled={pending} onClick={go} data-testid={testId} aria-label={ariaLabel}>
          {pending ? pendingLabel : children}
        </button>
      )}
      {error && (
        <span role="alert" className="max-w-xs text-xs text-red-600">
          {error}
        </span>
      )}
    </span>
  );
}
