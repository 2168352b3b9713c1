"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { addDutyAction, updateDutyAction } from "@/lib/local-duties/actions";
import { DUTY_FIELDS, type DutyFieldKey } from "@/lib/local-duties/fields";
import { addDutySchema, updateDutySchema } from "@/lib/local-duties/schema";
import type { AnyAction } from "@/lib/forms";
import { inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError, FormSuccess } from "@/components/ui/form-messages";

/** The form's values: the duty's fields, and the department chosen from the units (or none). */
export type DutyValues = Record<DutyFieldKey, string> & { departmentId: string };

const DEFAULTS: Partial<DutyValues> = { supportResponsibility: "街道办事处（社区）" };

/**
 * One row of a 属地管理事项清单, added or corrected by 编办. `edit` carries the duty id and the
 * stamp of the content the page showed, so a change made meanwhile is refused, not overwritten.
 * The inputs come from the one definition of a duty's fields (lib/local-duties/fields.ts);
 * `labels` names the fields for this unit (社区职责, 市级部门职责 …).
 */
export function DutyForm({
  unitId,
  edit,
  defaults,
  departments,
  labels,
  testId,
}: {
  unitId: number;
  edit?: { id: number; stamp: string };
  defaults?: DutyValues;
  departments: { id: number; name: string }[];
  labels?: Partial<Record<DutyFieldKey, string>>;
  testId?: string;
}) {
  const router = useRouter();
  const prefix = useId().replace(/:/g, "");
  const [done, setDone] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState(defaults?.departmentId ?? "");
  const [formKey, setFormKey] = useState(0);
  const form = useActionForm((edit ? updateDutyAction : addDutyAction) as AnyAction, {
    schema: edit ? updateDutySchema : addDutySchema,
    onSuccess: () => {
      const data = form.formProps.ref.current ? new FormData(form.formProps.ref.current) : null;
      if (edit) {
        // Saved: fold the editor away so the row shows what the list now says.
        form.formProps.ref.current?.closest("details")?.removeAttribute("open");
      } else {
        setDone(`已添加「${String(data?.get("name") ?? "")}」。公布新版本后对外生效。`);
        setDepartmentId("");
        setFormKey((k) => k + 1);
      }
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = form;
  const id = (key: string) => `${prefix}-${key}`;
  const value = (key: DutyFieldKey) => defaults?.[key] ?? DEFAULTS[key] ?? "";

  return (
    <form key={formKey} {...form.formProps} noValidate data-testid={testId} className="grid gap-3 sm:grid-cols-2" onChange={() => setDone(null)}>
      <HiddenFields values={edit ? { id: edit.id, stamp: edit.stamp } : { unitId }} />
      <div className="sm:col-span-2">
        <FormError message={error} />
        {done && <FormSuccess testId={testId ? `${testId}-done` : undefined}>{done}</FormSuccess>}
      </div>
      {[...DUTY_FIELDS].sort((a, b) => Number(b.key === "name") - Number(a.key === "name")).map((f) => {
        const hint = "hint" in f ? f.hint : undefined;
        const label = labels?.[f.key] ?? f.label;
        if (f.input === "department") {
          return (
            <div key={f.key} className="contents">
              <Field id={id("departmentId")} label={label} error={fieldErrors.departmentId} required>
                <select {...form.field("departmentId", undefined, id("departmentId"))} value={departmentId} onChange={(e) => setDepartmentId(e.target.value)} className={inputClass}>
                  <option value="">（不在列表中，填写名称）</option>
                  {departments.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </Field>
              {!departmentId && (
                <Field id={id(f.key)} label="部门名称" error={fieldErrors[f.key]} hint={hint} className="sm:col-span-2">
                  <input {...form.field(f.key, hint, id(f.key))} defaultValue={value(f.key)} className={inputClass} />
                </Field>
              )}
            </div>
          );
        }
        const wide = f.input === "text" || f.key === "name";
        return (
          <Field key={f.key} id={id(f.key)} label={label} error={fieldErrors[f.key]} hint={hint} required className={wide ? "sm:col-span-2" : undefined}>
            {f.input === "text" ? (
              <textarea {...form.field(f.key, hint, id(f.key))} defaultValue={value(f.key)} rows={2} className={inputClass} />
            ) : (
              <input {...form.field(f.key, hint, id(f.key))} defaultValue={value(f.key)} className={inputClass} />
            )}
          </Field>
        );
      })}
      <div className="sm:col-span-2">
        <SubmitButton pending={pending} pendingLabel="正在保存…">
          {edit ? "保存修改" : "添加事项"}
        </SubmitButton>
      </div>
    </form>
  );
}
