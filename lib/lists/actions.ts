"use server";

import { defineAction } from "@/lib/action";
import {
  addItemSchema,
  categorySchema,
  createListSchema,
  listRefSchema,
  moveCategorySchema,
  moveItemSchema,
  opinionSchema,
  publishSchema,
  removeItemSchema,
  reorderSchema,
  returnSchema,
  setCategoryActiveSchema,
  stagesSchema,
  updateCategorySchema,
  updateItemSchema,
} from "./schema";
import {
  addItem,
  createCategory,
  createList,
  listSubject,
  listUnitSubject,
  moveCategory,
  moveItem,
  publishList,
  recordOpinion,
  removeItem,
  renameCategory,
  reorderItems,
  returnList,
  reviewSubject,
  setCategoryActive,
  submitList,
  updateItem,
  updateStages,
} from "./commands";

// Public pages show published versions; the portal's pages are dynamic, so only the workspace
// and the portal root need revalidating.
const revalidate = ["/lists", "/workspace", "/"];
const ofList = async (input: { listId: number }, tx: Parameters<typeof listSubject>[0]) => listSubject(tx, input.listId);

export const createListAction = defineAction({
  schema: createListSchema,
  permission: "list.create",
  subject: (input, tx) => listUnitSubject(tx, input.unitId),
  run: createList,
  revalidate,
});
export const addItemAction = defineAction({ schema: addItemSchema, permission: "list.edit", subject: ofList, run: addItem, revalidate });
export const updateItemAction = defineAction({ schema: updateItemSchema, permission: "list.edit", subject: ofList, run: updateItem, revalidate });
export const removeItemAction = defineAction({ schema: removeItemSchema, permission: "list.edit", subject: ofList, run: removeItem, revalidate });
export const moveItemAction = defineAction({ schema: moveItemSchema, permission: "list.edit", subject: ofList, run: moveItem, revalidate });
export const reorderItemsAction = defineAction({ schema: reorderSchema, permission: "list.edit", subject: ofList, run: reorderItems, revalidate });
export const submitListAction = defineAction({ schema: listRefSchema, permission: "list.submit", subject: ofList, run: submitList, revalidate });
export const updateStagesAction = defineAction({ schema: stagesSchema, permission: "list.manageStages", subject: ofList, run: updateStages, revalidate });
export const recordOpinionAction = defineAction({
  schema: opinionSchema,
  permission: "list.review",
  subject: (input, tx) => reviewSubject(tx, input.listId),
  run: recordOpinion,
  revalidate,
});
export const returnListAction = defineAction({ schema: returnSchema, permission: "list.return", subject: ofList, run: returnList, revalidate });
export const publishListAction = defineAction({ schema: publishSchema, permission: "list.publish", subject: ofList, run: publishList, revalidate });

export const createCategoryAction = defineAction({ schema: categorySchema, permission: "listCategory.manage", run: createCategory, revalidate });
export const renameCategoryAction = defineAction({ schema: updateCategorySchema, permission: "listCategory.manage", run: renameCategory, revalidate });
export const moveCategoryAction = defineAction({ schema: moveCategorySchema, permission: "listCategory.manage", run: moveCategory, revalidate });
export const setCategoryActiveAction = defineAction({ schema: setCategoryActiveSchema, permission: "listCategory.manage", run: setCategoryActive, revalidate });
