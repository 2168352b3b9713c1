"use client";

import { useRouter } from "next/navigation";
import type { AnyAction } from "@/lib/forms";
import { buttonClass } from "@/components/ui/cx";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { ConfirmButton } from "@/components/ui/confirm-button";

type Hidden = Record<string, string | number | boolean | null | undefined>;

/**
 * A button that runs one server action with a fixed input (ids and the version the page was
 * rendered with), optionally after a confirmation, and refreshes the page. Failures (a conflict,
 * a state that changed) are shown beside it. It is a form over the action, so without a
 * confirmation it works before the page is interactive.
 */
export function ActionButton({
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
  action: AnyAction;
  input: Hidden;
  children: React.ReactNode;
  confirm?: { title: string; message: React.ReactNode; confirmLabel: string; tone?: "danger" | "primary" };
  className?: string;
  pendingLabel?: string;
  testId?: string;
  ariaLabel?: string;
  redirectTo?: string;
}) {
  const router = useRouter();
  const form = useActionForm(action, {
    onSuccess: () => {
      if (redirectTo) router.push(redirectTo);
      router.refresh();
    },
  });
  const { pending, error } = form;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      {/* The confirmation dialog holds its own form, so it sits beside this one, not inside. */}
      <form {...form.formProps} className={confirm ? "hidden" : "contents"}>
        <HiddenFields values={input} />
        {!confirm && (
          <SubmitButton pending={pending} pendingLabel={pendingLabel} className={className} data-testid={testId} aria-label={ariaLabel}>
            {children}
          </SubmitButton>
        )}
      </form>
      {confirm && (
        <ConfirmButton
          title={confirm.title}
          message={confirm.message}
          confirmLabel={confirm.confirmLabel}
          tone={confirm.tone ?? "primary"}
          onConfirm={() => form.formProps.ref.current?.requestSubmit()}
          pending={pending}
          pendingLabel={pendingLabel}
          className={className}
          testId={testId}
        >
          {children}
        </ConfirmButton>
      )}
      {error && (
        <span role="alert" className="max-w-xs text-xs text-red-600">
          {error}
        </span>
      )}
    </span>
  );
}
