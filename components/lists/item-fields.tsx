"use client";

import { useState } from "react";
import type { DutySection, PowerListForm } from "@/lib/generated/prisma/enums";
import { fieldLabel, fieldsFor, ITEM_FIELD_DEFS, ITEM_FIELDS, SECTION_LABELS, SECTIONS, type ItemField } from "@/lib/lists/labels";
import { inputClass } from "@/components/ui/cx";
import { Field, describedBy } from "@/components/ui/field";
import { limitProps } from "@/components/ui/form";
import { limitsOf } from "@/lib/forms";
import { itemFieldsSchema } from "@/lib/lists/schema";

export type ItemValues = Partial<Record<ItemField, string | null>> & { categoryId?: number | null; section?: DutySection };

/** Several lines, and hints, as the one definition of an item's fields says. */
const LONG: ItemField[] = ITEM_FIELD_DEFS.filter((f) => f.multiline).map((f) => f.key);
const HINTS: Partial<Record<ItemField, string>> = Object.fromEntries(ITEM_FIELD_DEFS.flatMap((f) => ("hint" in f ? [[f.key, f.hint]] : [])));

/**
 * The fields of one item, named by the schema's paths: `prefix` places them inside a larger input
 * (an adjustment's `changes.0.fields.`). Limits come from the item schema.
 */
export function ItemFields({
  form,
  categories,
  powerTypes,
  defaults,
  errors,
  prefix = "",
}: {
  form: PowerListForm;
  categories: { id: number; name: string }[];
  powerTypes: string[];
  defaults: ItemValues;
  errors: Record<string, string>;
  prefix?: string;
}) {
  const [section, setSection] = useState<DutySection>(defaults.section ?? "BASIC");
  const fields = fieldsFor(form, section);
  const id = (f: string) => `${prefix}${f}`;
  const err = (f: string) => errors[f];
  const bind = (f: string, hint?: string) => ({ ...describedBy(id(f), err(f), hint), ...limitProps(limitsOf(itemFieldsSchema, f)) });
  const short = fields.filter((f) => !LONG.includes(f) && f !== "name");
  const long = fields.filter((f) => LONG.includes(f));
  const typeOptions = defaults.powerType && !powerTypes.includes(defaults.powerType) ? [...powerTypes, defaults.powerType] : powerTypes;

  return (
    <div className="space-y-4">
      {form === "DUTY" && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">清单部分</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {SECTIONS.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                <input type="radio" name={id("section")} value={s} checked={section === s} onChange={() => setSection(s)} className="h-4 w-4" />
                {SECTION_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {form === "POWER" && <input type="hidden" name={id("section")} value="BASIC" />}
      <Field id={id("name")} label="事项名称" error={err("name")} required>
        <input {...bind("name")} defaultValue={defaults.name ?? ""} autoComplete="off" className={inputClass} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("categoryId")} label="职能分类" error={err("categoryId")}>
          <select {...describedBy(id("categoryId"), err("categoryId"))} defaultValue={defaults.categoryId ?? ""} className={inputClass}>
            <option value="">（未分类）</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        {short.map((f) =>
          f === "powerType" ? (
            <Field key={f} id={id(f)} label={fieldLabel(f, section)} error={err(f)}>
              <select {...describedBy(id(f), err(f))} defaultValue={defaults.powerType ?? ""} className={inputClass}>
                <option value="">（不适用）</option>
                {typeOptions.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <Field key={f} id={id(f)} label={fieldLabel(f, section)} error={err(f)}>
              <input {...bind(f)} defaultValue={defaults[f] ?? ""} autoComplete="off" className={inputClass} />
            </Field>
          ),
        )}
      </div>
      {/* Fields this section does not show keep their values (a catalogue item's 行使主体 …). */}
      {ITEM_FIELDS.filter((f) => f !== "name" && !fields.includes(f)).map((f) => (
        <input key={f} type="hidden" name={id(f)} value={defaults[f] ?? ""} />
      ))}
      {long.map((f) => (
        <Field key={f} id={id(f)} label={fieldLabel(f, section)} error={err(f)} hint={HINTS[f]}>
          <textarea {...bind(f, HINTS[f])} defaultValue={defaults[f] ?? ""} rows={f === "legalBasis" ? 4 : 3} className={inputClass} />
        </Field>
      ))}
    </div>
  );
}
