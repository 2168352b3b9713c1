"use client";

import { useRouter } from "next/navigation";
import { bulkEditItemsAction } from "@/lib/catalogue/actions";
import { bulkEditSchema } from "@/lib/catalogue/schema";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError, Notice } from "@/components/ui/form-messages";

type Opt = { id: number; name: string };

/**
 * Sets the 领域 and/or the 实施部门 of the items ticked in the table below (their checkboxes
 * belong to this form through their `form` attribute, `formId`). The server checks every item again.
 */
export function BulkEditForm({ formId, editionId, domains, departments }: { formId: string; editionId: number; domains: Opt[]; departments: Opt[] }) {
  const router = useRouter();
  const form = useActionForm(bulkEditItemsAction, { schema: bulkEditSchema, resetOnSuccess: true, onSuccess: () => router.refresh() });
  const { pending, error, fieldErrors } = form;
  const done = form.ok && !pending ? form.data : undefined;
  return (
    <form {...form.formProps} id={formId} noValidate className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" data-testid="bulk-edit-form">
      <HiddenFields values={{ editionId }} />
      <p className="w-full text-sm text-slate-600">勾选下表中的事项，可一次设置它们的领域和实施部门（留空的一项不改）。</p>
      <Field id="bulk-domainId" label="领域" error={fieldErrors.domainId}>
        <select {...form.field("domainId", undefined, "bulk-domainId")} className={inputClass} defaultValue="">
          <option value="">（不改）</option>
          {domains.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </Field>
      <Field id="bulk-departmentId" label="实施部门" error={fieldErrors.departmentId}>
        <select {...form.field("departmentId", undefined, "bulk-departmentId")} className={inputClass} defaultValue="">
          <option value="">（不改）</option>
          {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </Field>
      <SubmitButton pending={pending} pendingLabel="正在设置…" className={buttonClass.secondary}>
        设置所选事项
      </SubmitButton>
      {fieldErrors.itemIds && <p role="alert" className="w-full text-sm text-red-600">{fieldErrors.itemIds}</p>}
      <FormError message={error} />
      {done && <Notice>已为 {done.count} 个事项设置{[done.domain && `领域「${done.domain}」`, done.department && `实施部门「${done.department}」`].filter(Boolean).join("、")}。</Notice>}
    </form>
  );
}
