"use client";

import { useRouter } from "next/navigation";
import { updateEditionAction } from "@/lib/catalogue/actions";
import { updateEditionSchema } from "@/lib/catalogue/schema";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError, Notice } from "@/components/ui/form-messages";

export function EditEditionForm({ edition }: { edition: { id: number; title: string; description: string | null; stamp: string } }) {
  const router = useRouter();
  const form = useActionForm(updateEditionAction, { schema: updateEditionSchema, onSuccess: () => router.refresh() });
  const { pending, error, fieldErrors } = form;
  return (
    <form noValidate className="max-w-2xl space-y-3" data-testid="edit-edition-form" {...form.formProps}>
      <HiddenFields values={{ id: edition.id, expectedStamp: edition.stamp }} />
      <Field id="edition-title" label="版本名称" required error={fieldErrors.title}>
        <input {...form.field("title", undefined, "edition-title")} defaultValue={edition.title} className={inputClass} />
      </Field>
      <Field id="edition-description" label="说明" error={fieldErrors.description}>
        <textarea {...form.field("description", undefined, "edition-description")} defaultValue={edition.description ?? ""} rows={2} className={inputClass} />
      </Field>
      <FormError message={error} />
      {form.ok && !pending && <Notice>已保存版本信息。</Notice>}
      <SubmitButton pending={pending} pendingLabel="正在保存…" className={buttonClass.secondary}>
        保存版本信息
      </SubmitButton>
    </form>
  );
}
