"use client";

import { useRouter } from "next/navigation";
import { useId, useRef } from "react";
import { confirmLetterAction, generateLetterAction, withdrawLetterAction } from "@/lib/devolution/actions";
import { withdrawLetterSchema } from "@/lib/devolution/schema";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { useAction } from "@/components/ui/use-action";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";

export function GenerateLetterButton({ roundId, streetId, departmentId, label, small }: { roundId: number; streetId: number; departmentId: number; label: string; small?: boolean }) {
  const router = useRouter();
  const { run, pending, error } = useAction(generateLetterAction);
  return (
    <span className="inline-flex flex-col gap-1">
      <ConfirmButton
        title="生成确认书"
        message={<>将为「{label}」生成《赋权承接事项确认书》，编定文号并计算校验码。生成后这些事项暂停修改，双方确认后锁定；确认前如需修改，可撤回确认书。</>}
        confirmLabel="生成"
        tone="primary"
        pending={pending}
        pendingLabel="正在生成…"
        className={small ? buttonClass.small : buttonClass.primary}
        testId="generate-letter"
        onConfirm={() => run({ roundId, streetId, departmentId }, (r) => router.push(`/devolution/rounds/${roundId}/letters/${r.id}?generated=1`))}
      >
        生成确认书
      </ConfirmButton>
      {error && <span role="alert" className="text-xs text-red-600">{error}</span>}
    </span>
  );
}

export function ConfirmLetterButton({ letterId, side, other }: { letterId: number; side: "DEPARTMENT" | "STREET"; other: boolean }) {
  const router = useRouter();
  const { run, pending, error } = useAction(confirmLetterAction);
  const who = side === "DEPARTMENT" ? "部门" : "街道（乡镇）";
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <ConfirmButton
        title={`以${who}身份确认`}
        message={
          <>
            请核对确认书中的每一项承接意见和职责边界。确认后将记录确认人和时间；
            {other ? "对方已确认，您确认后本确认书即生效，其中事项全部锁定，不能再修改。" : "对方确认后本确认书生效，其中事项全部锁定。"}
          </>
        }
        confirmLabel="确认无误"
        tone="primary"
        pending={pending}
        pendingLabel="正在确认…"
        className={buttonClass.primary}
        testId="confirm-letter"
        onConfirm={() => run({ letterId }, () => router.refresh())}
      >
        确认本确认书
      </ConfirmButton>
    </div>
  );
}

/** Withdrawal needs a reason, asked for in a dialog. */
export function WithdrawLetterButton({ letterId }: { letterId: number }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const form = useActionForm(withdrawLetterAction, {
    schema: withdrawLetterSchema,
    resetOnSuccess: true,
    onSuccess: () => {
      dialog.current?.close();
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = form;
  return (
    <>
      <button type="button" className={buttonClass.secondary} onClick={() => dialog.current?.showModal()} disabled={pending} data-testid="withdraw-letter">
        {pending ? "正在撤回…" : "撤回确认书"}
      </button>
      <dialog ref={dialog} aria-labelledby={`${id}-t`} className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-0 shadow-xl backdrop:bg-slate-900/40">
        <form className="space-y-3 p-5" noValidate {...form.formProps}>
          <HiddenFields values={{ letterId }} />
          <h2 id={`${id}-t`} className="text-base font-semibold">撤回确认书</h2>
          <p className="text-sm text-slate-600">撤回后确认书作废（留档可查），其中事项恢复为「已达成一致」，可以修改后重新生成。</p>
          <FormError message={error && !fieldErrors.reason ? error : null} />
          <label htmlFor={`${id}-r`} className="block text-sm font-medium text-slate-700">
            撤回理由<span className="text-red-600" aria-hidden>*</span>
          </label>
          <textarea {...form.field("reason", undefined, `${id}-r`)} rows={3} className={inputClass} />
          {fieldErrors.reason && <p id={`${id}-r-error`} role="alert" className="text-xs text-red-600">{fieldErrors.reason}</p>}
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass.secondary} onClick={() => dialog.current?.close()}>取消</button>
            <SubmitButton pending={pending} pendingLabel="正在撤回…" className={buttonClass.danger}>撤回</SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
