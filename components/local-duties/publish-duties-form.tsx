"use client";

import { useRouter } from "next/navigation";
import { publishDutiesAction } from "@/lib/local-duties/actions";
import { publishDutiesSchema } from "@/lib/local-duties/schema";
import { inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";
import { ConfirmDialog, useConfirmDialog } from "@/components/ui/confirm-button";

/**
 * 公布新版本 of a unit's 属地管理事项清单: a note, then a confirmation that says what becomes public
 * (the version number and how many duties are added, changed and removed) and that a published
 * version cannot be changed.
 */
export function PublishDutiesForm({
  unitId,
  unitName,
  versionNo,
  itemCount,
  counts,
}: {
  unitId: number;
  unitName: string;
  versionNo: number;
  itemCount: number;
  counts: { added: number; changed: number; removed: number };
}) {
  const router = useRouter();
  const confirm = useConfirmDialog();
  const form = useActionForm(publishDutiesAction, {
    schema: publishDutiesSchema,
    resetOnSuccess: true,
    confirm: (_data, proceed) => confirm.open(proceed),
    onSuccess: () => router.refresh(),
  });
  const { pending, error, fieldErrors } = form;
  const hint = "例如：编办梳理存量事项，经区委编委会审议通过";
  const changes = [counts.added && `新增 ${counts.added} 项`, counts.changed && `修改 ${counts.changed} 项`, counts.removed && `移出 ${counts.removed} 项`].filter(Boolean).join("、");
  return (
    <>
      <form {...form.formProps} noValidate className="space-y-3" data-testid="publish-duties-form">
        <HiddenFields values={{ unitId }} />
        <Field id="publish-note" label="公布说明" error={fieldErrors.note} hint={hint}>
          <input {...form.field("note", hint, "publish-note")} autoComplete="off" className={inputClass} />
        </Field>
        <FormError message={error && !fieldErrors.note ? error : null} />
        <SubmitButton pending={pending} pendingLabel="正在公布…">
          公布新版本
        </SubmitButton>
      </form>
      <ConfirmDialog
        dialogProps={confirm.dialogProps}
        title="确认公布新版本"
        tone="primary"
        confirmLabel="确认公布"
        testId="publish-duties-confirm"
        message={
          <>
            <span className="block">
              将「{unitName}属地管理事项清单」公布为第 {versionNo} 版，共 {itemCount} 项{changes ? `（与现行版本相比：${changes}）` : ""}。
            </span>
            <span className="mt-2 block font-medium text-slate-800">公布后即向社会公开，该版本不能再修改；以后的变化须再公布新版本。</span>
          </>
        }
      />
    </>
  );
}
