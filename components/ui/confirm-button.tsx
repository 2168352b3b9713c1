"use client";

import { useId, useRef } from "react";
import { buttonClass } from "@/components/ui/cx";

/**
 * A button that asks before doing something hard to undo. Uses a modal <dialog>, so focus stays
 * inside it and Esc cancels. With `form` (a form's id) the confirming button submits that form
 * (its action and fields, e.g. a bulk selection), so it can sit inside the form it confirms.
 */
export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel,
  onConfirm,
  form,
  pending = false,
  pendingLabel = "正在处理…",
  tone = "danger",
  className = buttonClass.secondary,
  disabled = false,
  testId,
}: {
  children: React.ReactNode;
  title: string;
  message: React.ReactNode;
  confirmLabel: string;
  onConfirm?: () => void;
  /** The id of the form the confirming button submits. */
  form?: string;
  pending?: boolean;
  pendingLabel?: string;
  tone?: "danger" | "primary";
  className?: string;
  disabled?: boolean;
  testId?: string;
}) {
  const confirm = useConfirmDialog();
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={disabled || pending}
        aria-haspopup="dialog"
        data-testid={testId}
        onClick={() => confirm.open(() => onConfirm?.())}
      >
        {pending ? pendingLabel : children}
      </button>
      <ConfirmDialog dialogProps={confirm.dialogProps} title={title} message={message} confirmLabel={confirmLabel} tone={tone} form={form} />
    </>
  );
}

/**
 * The same modal question, opened by code (`open()` on the returned handle) rather than by its own
 * button: for a form that asks only after its input is known to be valid (`useActionForm`'s
 * `confirm`).
 */
export function useConfirmDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const action = useRef<() => void>(() => {});
  return {
    open(onConfirm: () => void) {
      action.current = onConfirm;
      dialog.current?.showModal();
    },
    dialogProps: { dialog, action },
  };
}

export function ConfirmDialog({
  dialogProps,
  title,
  message,
  confirmLabel,
  tone = "danger",
  form,
  testId,
}: {
  dialogProps: ReturnType<typeof useConfirmDialog>["dialogProps"];
  title: string;
  message: React.ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  /** The id of a form the confirming button submits (its fields, e.g. a bulk selection). */
  form?: string;
  testId?: string;
}) {
  const id = useId();
  const { dialog, action } = dialogProps;
  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      data-testid={testId}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <div id={`${id}-message`} className="space-y-2 text-sm text-slate-600">
          {message}
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className={buttonClass.secondary} autoFocus onClick={() => dialog.current?.close()}>
            取消
          </button>
          <button
            type={form ? "submit" : "button"}
            form={form}
            className={tone === "danger" ? buttonClass.danger : buttonClass.primary}
            onClick={() => {
              dialog.current?.close();
              action.current();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
