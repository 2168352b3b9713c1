"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateEditionAction } from "@/lib/catalogue/actions";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field, describedBy } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { FormError, Notice } from "./messages";

export function EditEditionForm({ edition }: { edition: { id: number; title: string; description: string | null } }) {
  const router = useRouter();
  const { run, pending, error, fieldErrors } = useAction(updateEditionAction);
  const [saved, setSaved] = useState(false);
  return (
    <form
      noValidate
      className="max-w-2xl space-y-3"
      data-testid="edit-edition-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const data = new FormData(e.currentTarget);
        run({ id: edition.id, title: String(data.get("title") ?? ""), description: String(data.get("description") ?? "") }, () => {
          setSaved(true);
          router.refresh();
        });
      }}
    >
      <Field id="edition-title" label="版本名称" required error={fieldErrors.title}>
        <input {...describedBy("edition-title", fieldErrors.title)} name="title" defaultValue={edition.title} className={inputClass} />
      </Field>
      <Field id="edition-description" label="说明" error={fieldErrors.description}>
        <textarea {...describedBy("edition-description", fieldErrors.description)} name="description" defaultValue={edition.description ?? ""} rows={2} className={inputClass} />
      </Field>
      <FormError message={error} />
      {saved && <Notice>已保存版本信息。</Notice>}
      <button type="submit" className={buttonClass.secondary} disabled={pending}>
        {pending ? "正在保存…" : "保存版本信息"}
      </button>
    </form>
  );
}
