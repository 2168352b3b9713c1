"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createCategoryAction, moveCategoryAction, renameCategoryAction, setCategoryActiveAction } from "@/lib/lists/actions";
import { Badge } from "@/components/ui/badge";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { categorySchema, updateCategorySchema } from "@/lib/lists/schema";
import { FormError } from "@/components/ui/form-messages";
import { ActionButton } from "./action-button";

type Category = { id: number; name: string; active: boolean; items: number; stamp: string };

function RenameForm({ category }: { category: Category }) {
  const router = useRouter();
  const form = useActionForm(renameCategoryAction, { schema: updateCategorySchema, onSuccess: () => router.refresh() });
  const { pending, error, fieldErrors } = form;
  const [name, setName] = useState(category.name);
  const id = `rename-${category.id}`;
  return (
    <form noValidate className="flex flex-wrap items-start gap-2" {...form.formProps}>
      <HiddenFields values={{ id: category.id, expectedStamp: category.stamp }} />
      <label htmlFor={id} className="sr-only">
        「{category.name}」的新名称
      </label>
      <input {...form.field("name", undefined, id)} value={name} onChange={(e) => setName(e.target.value)} className={`${inputClass} w-48`} />
      <button type="submit" disabled={pending || name === category.name} className={buttonClass.small}>
        {pending ? "正在保存…" : "改名"}
      </button>
      {(fieldErrors.name || error) && <span id={`${id}-error`} role="alert" className="w-full text-xs text-red-600">{fieldErrors.name ?? error}</span>}
    </form>
  );
}

export function CategoryManager({ categories }: { categories: Category[] }) {
  const router = useRouter();
  const form = useActionForm(createCategoryAction, { schema: categorySchema, resetOnSuccess: true, onSuccess: () => router.refresh() });
  const { pending, error, fieldErrors } = form;
  return (
    <div className="space-y-6">
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="category-list">
        {categories.map((c, i) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div className="flex items-center gap-2">
              <span className="w-6 text-right text-sm text-slate-500">{i + 1}</span>
              <span className={c.active ? "font-medium text-slate-900" : "text-slate-500 line-through"}>{c.name}</span>
              {!c.active && <Badge>已停用</Badge>}
              <span className="text-xs text-slate-500">草案中 {c.items} 项</span>
            </div>
            <div className="flex flex-wrap items-start gap-2">
              <RenameForm category={c} />
              <ActionButton action={moveCategoryAction} input={{ id: c.id, direction: "up" as const }} ariaLabel={`上移「${c.name}」`}>
                上移
              </ActionButton>
              <ActionButton action={moveCategoryAction} input={{ id: c.id, direction: "down" as const }} ariaLabel={`下移「${c.name}」`}>
                下移
              </ActionButton>
              <ActionButton action={setCategoryActiveAction} input={{ id: c.id, active: !c.active }} ariaLabel={`${c.active ? "停用" : "启用"}「${c.name}」`}>
                {c.active ? "停用" : "启用"}
              </ActionButton>
            </div>
          </li>
        ))}
      </ul>
      <form {...form.formProps} noValidate className="max-w-md space-y-3" data-testid="new-category-form">
        <Field id="newCategory" label="新增分类" error={fieldErrors.name}>
          <input {...form.field("name", undefined, "newCategory")} autoComplete="off" className={inputClass} />
        </Field>
        <FormError message={error && !fieldErrors.name ? error : null} />
        <SubmitButton pending={pending} pendingLabel="正在保存…">
          新增
        </SubmitButton>
      </form>
    </div>
  );
}
