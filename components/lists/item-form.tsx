"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { PowerListForm } from "@/lib/generated/prisma/enums";
import { addItemAction, updateItemAction } from "@/lib/lists/actions";
import { buttonClass } from "@/components/ui/cx";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";
import type { AnyAction } from "@/lib/forms";
import { ItemFields, type ItemValues } from "./item-fields";

/** Adds an item to a draft, or edits one; a stale item version comes back as a conflict. */
export function ItemForm({
  listId,
  listVersion,
  item,
  form,
  categories,
  powerTypes,
}: {
  listId: number;
  listVersion: number;
  item: (ItemValues & { id: number; version: number }) | null;
  form: PowerListForm;
  categories: { id: number; name: string }[];
  powerTypes: string[];
}) {
  const router = useRouter();
  const back = `/lists/manage/${listId}`;
  const action = useActionForm((item ? updateItemAction : addItemAction) as AnyAction, {
    onSuccess: (r: { id: number }) => {
      router.push(`${back}#item-${item?.id ?? r.id}`);
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = action;

  return (
    // Keyed by the item version: after a conflict and a refresh the form shows the latest content.
    <form key={item?.version ?? 0} {...action.formProps} noValidate className="max-w-3xl space-y-5" data-testid="item-form">
      <HiddenFields values={item ? { listId, itemId: item.id, itemVersion: item.version } : { listId, version: listVersion }} />
      <ItemFields form={form} categories={categories} powerTypes={powerTypes} defaults={item ?? { section: "BASIC" }} errors={fieldErrors} />
      <FormError message={error} />
      {error?.includes("刷新") && (
        <button type="button" className={buttonClass.small} onClick={() => router.refresh()}>
          刷新，查看最新内容
        </button>
      )}
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} pendingLabel="正在保存…">
          {item ? "保存修改" : "添加事项"}
        </SubmitButton>
        <Link href={back} className={buttonClass.secondary}>
          取消
        </Link>
      </div>
    </form>
  );
}
