"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { addDutyAction, updateDutyAction } from "@/lib/local-duties/actions";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field, describedBy } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { FormError, FormSuccess } from "@/components/admin/form-messages";

export type DutyValues = {
  dutyType: string;
  name: string;
  departmentId: string;
  departmentName: string;
  departmentDuty: string;
  localDuty: string;
  legalBasis: string;
  leadResponsibility: string;
  supportResponsibility: string;
};

const EMPTY: DutyValues = {
  dutyType: "",
  name: "",
  departmentId: "",
  departmentName: "",
  departmentDuty: "",
  localDuty: "",
  legalBasis: "",
  leadResponsibility: "",
  supportResponsibility: "街道办事处（社区）",
};

const TEXTS: { key: keyof DutyValues; label: string; rows: number; max: number; hint?: string }[] = [
  { key: "departmentDuty", label: "区级部门职责", rows: 2, max: 2000 },
  { key: "localDuty", label: "街道（社区）职责", rows: 2, max: 2000 },
  { key: "legalBasis", label: "法律法规及文件依据", rows: 2, max: 2000, hint: "写明文件名称和条款，例如《城市市容和环境卫生管理条例》第十条。" },
];

/**
 * One row of a 属地管理事项清单, added or corrected by 编办. `edit` carries the duty id and the
 * stamp of the content the page showed, so a change made meanwhile is refused, not overwritten.
 */
export function DutyForm({
  unitId,
  edit,
  defaults,
  departments,
  testId,
}: {
  unitId: number;
  edit?: { id: number; stamp: string };
  defaults?: DutyValues;
  departments: { id: number; name: string }[];
  testId?: string;
}) {
  const router = useRouter();
  const prefix = useId().replace(/:/g, "");
  const add = useAction(addDutyAction);
  const update = useAction(updateDutyAction);
  const { pending, error, fieldErrors } = edit ? update : add;
  const [values, setValues] = useState<DutyValues>(defaults ?? EMPTY);
  const [done, setDone] = useState<string | null>(null);
  // Until React has hydrated the form, a click would submit it natively (a GET that reloads the
  // page with the fields in its address and loses them): the button waits for hydration.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const set = (key: keyof DutyValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
    setDone(null);
    setValues({ ...values, [key]: e.target.value });
  };
  const id = (key: string) => `${prefix}-${key}`;
  const bind = (key: keyof DutyValues, hint?: string) => ({ ...describedBy(id(key), fieldErrors[key], hint), value: values[key], onChange: set(key) });

  return (
    <form
      noValidate
      data-testid={testId}
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const input = { ...values, departmentId: values.departmentId ? Number(values.departmentId) : "" };
        const form = e.currentTarget;
        if (edit)
          update.run({ ...input, ...edit }, () => {
            // Saved: fold the editor away so the row shows what the list now says.
            form.closest("details")?.removeAttribute("open");
            router.refresh();
          });
        else
          add.run({ ...input, unitId }, () => {
            setValues(EMPTY);
            setDone(`已添加「${values.name}」。公布新版本后对外生效。`);
            router.refresh();
          });
      }}
    >
      <div className="sm:col-span-2">
        <FormError message={error} />
        {done && <FormSuccess testId={testId ? `${testId}-done` : undefined}>{done}</FormSuccess>}
      </div>
      <Field id={id("name")} label="事项名称" error={fieldErrors.name} required className="sm:col-span-2">
        <input {...bind("name")} maxLength={100} className={inputClass} />
      </Field>
      <Field id={id("dutyType")} label="事项类型" error={fieldErrors.dutyType} required hint="如：城市管理、安全生产、公共服务">
        <input {...bind("dutyType", "hint")} maxLength={30} className={inputClass} />
      </Field>
      <Field id={id("departmentId")} label="责任部门" error={fieldErrors.departmentId} required>
        <select {...bind("departmentId")} className={inputClass}>
          <option value="">（不在列表中，填写名称）</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      {!values.departmentId && (
        <Field id={id("departmentName")} label="部门名称" error={fieldErrors.departmentName} hint="上级或垂直管理部门等不在系统中的单位" className="sm:col-span-2">
          <input {...bind("departmentName", "hint")} maxLength={60} className={inputClass} />
        </Field>
      )}
      {TEXTS.map((t) => (
        <Field key={t.key} id={id(t.key)} label={t.label} error={fieldErrors[t.key]} hint={t.hint} required className="sm:col-span-2">
          <textarea {...bind(t.key, t.hint)} rows={t.rows} maxLength={t.max} className={inputClass} />
        </Field>
      ))}
      <Field id={id("leadResponsibility")} label="主体责任" error={fieldErrors.leadResponsibility} required hint="如：区城管局">
        <input {...bind("leadResponsibility", "hint")} maxLength={200} className={inputClass} />
      </Field>
      <Field id={id("supportResponsibility")} label="配合责任" error={fieldErrors.supportResponsibility} required hint="如：街道办事处">
        <input {...bind("supportResponsibility", "hint")} maxLength={200} className={inputClass} />
      </Field>
      <div className="sm:col-span-2">
        <button type="submit" className={buttonClass.primary} disabled={pending || !hydrated}>
          {pending ? "正在保存…" : edit ? "保存修改" : "添加事项"}
        </button>
      </div>
    </form>
  );
}
