"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { PowerListForm } from "@/lib/generated/prisma/enums";
import { addItemAction, updateItemAction } from "@/lib/lists/actions";
import { buttonClass } from "@/components/ui/cx";
import { useAction } from "@/components/ui/use-action";
import { FormError } from "@/components/admin/form-messages";
import { ItemFields, readItemValues, type ItemValues } from "./item-fields";

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
  const add = useAction(addItemAction);
  const update = useAction(updateItemAction);
  const { pending, error, fieldErrors } = item ? update : add;
  const back = `/lists/manage/${listId}`;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readItemValues(new FormData(event.currentTarget));
    if (item) {
      update.run({ ...values, listId, itemId: item.id, itemVersion: item.version }, () => {
        router.push(`${back}#item-${item.id}`);
        router.refresh();
      });
    } else {
      add.run({ ...values, listId, version: listVersion }, (r) => {
        router.push(`${back}#item-${r.id}`);
        router.refresh();
      });
    }
  }

  return (
    // Keyed by the item version: after a conflict and a refresh the form shows the latest content.
    <form key={item?.version ?? 0} onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5" data-testid="item-form">
      <ItemFields form={form} categories={categories} powerTypes={powerTypes} defaults={item ?? { section: "BASIC" }} errors={fieldErrors} />
      <FormError message={error} />
      {error && (update.error?.includes("刷新") || add.error?.includes("刷新")) && (
        <button type="button" className={buttonClass.small} onClick={() => router.refresh()}>
          刷新，查看最新内容
        </button>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonClass.primary}>
          {pending ? "正在保存…" : item ? "保存修改" : "添加事项"}
        </button>
        <Link href={back} className={buttonClass.secondary}>
          取消
        </Link>
      </div>
    </form>
  );
}
