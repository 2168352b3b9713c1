"use server";

import { defineAction } from "@/lib/action";
import { createListType, createTypedList, publishList, removeRow, reviewList, saveRow, submitList, updateListType } from "./commands";
import { createListSchema, createTypeSchema, publishSchema, removeRowSchema, reviewSchema, saveRowSchema, submitSchema, updateTypeSchema } from "./schema";

const PATHS = ["/typed-lists", "/admin/list-types"];

export const createListTypeAction = defineAction({ schema: createTypeSchema, permission: "listType.manage", run: createListType, revalidate: PATHS });
export const updateListTypeAction = defineAction({ schema: updateTypeSchema, permission: "listType.manage", run: updateListType, revalidate: PATHS });
export const createTypedListAction = defineAction({ schema: createListSchema, permission: "typedList.edit", run: createTypedList, revalidate: PATHS });
export const saveTypedRowAction = defineAction({ schema: saveRowSchema, permission: "typedList.edit", run: saveRow, revalidate: PATHS });
export const removeTypedRowAction = defineAction({ schema: removeRowSchema, permission: "typedList.edit", run: removeRow, revalidate: PATHS });
export const submitTypedListAction = defineAction({ schema: submitSchema, permission: "typedList.edit", run: submitList, revalidate: PATHS });
export const reviewTypedListAction = defineAction({ schema: reviewSchema, permission: "typedList.review", run: reviewList, revalidate: PATHS });
export const publishTypedListAction = defineAction({ schema: publishSchema, permission: "typedList.publish", run: publishList, revalidate: PATHS });
