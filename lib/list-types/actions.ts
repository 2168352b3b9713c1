"use server";

import { defineAction } from "@/lib/action";
import { readGridInWorker } from "@/lib/catalogue/import/parse-in-worker";
import { createListType, createTypedList, deleteListType, reactivateListType, retireListType, newTypedListSubject, typedListSubject, importRows, previewRowsImport, publishList, removeRow, reviewList, saveRow, submitList, updateListType } from "./commands";
import { MAX_TYPED_IMPORT_BYTES, MAX_TYPED_IMPORT_ROWS } from "./import";
import { createListSchema, createTypeSchema, importRowsSchema, publishSchema, removeRowSchema, reviewSchema, saveRowSchema, submitSchema, typeStateSchema, updateTypeSchema } from "./schema";

const PATHS = ["/typed-lists", "/admin/list-types", "/", "/search"];

export const createListTypeAction = defineAction({ schema: createTypeSchema, permission: "listType.manage", run: createListType, revalidate: PATHS });
export const updateListTypeAction = defineAction({ schema: updateTypeSchema, permission: "listType.manage", run: updateListType, revalidate: PATHS });
export const retireListTypeAction = defineAction({ schema: typeStateSchema, permission: "listType.manage", run: retireListType, revalidate: PATHS });
export const reactivateListTypeAction = defineAction({ schema: typeStateSchema, permission: "listType.manage", run: reactivateListType, revalidate: PATHS });
export const deleteListTypeAction = defineAction({ schema: typeStateSchema, permission: "listType.manage", run: deleteListType, revalidate: PATHS });
export const createTypedListAction = defineAction({ schema: createListSchema, permission: "typedList.edit", subject: newTypedListSubject, run: createTypedList, revalidate: PATHS });
export const saveTypedRowAction = defineAction({ schema: saveRowSchema, permission: "typedList.edit", subject: typedListSubject, run: saveRow, revalidate: PATHS });
export const removeTypedRowAction = defineAction({ schema: removeRowSchema, permission: "typedList.edit", subject: typedListSubject, run: removeRow, revalidate: PATHS });
export const submitTypedListAction = defineAction({ schema: submitSchema, permission: "typedList.edit", subject: typedListSubject, run: submitList, revalidate: PATHS });
export const reviewTypedListAction = defineAction({ schema: reviewSchema, permission: "typedList.review", subject: typedListSubject, run: reviewList, revalidate: PATHS });
export const publishTypedListAction = defineAction({ schema: publishSchema, permission: "typedList.publish", subject: typedListSubject, run: publishList, revalidate: PATHS });

/** Reads the uploaded spreadsheet in the parse worker (time and memory limits), before any transaction opens. */
const readUpload = (input: { file: Uint8Array; fileName: string }) =>
  readGridInWorker(input.file, input.fileName, { maxBytes: MAX_TYPED_IMPORT_BYTES, maxRows: MAX_TYPED_IMPORT_ROWS + 100, maxCols: 60 });

export const previewTypedImportAction = defineAction({ schema: importRowsSchema, permission: "typedList.edit", subject: typedListSubject, prepare: readUpload, run: previewRowsImport });
export const importTypedRowsAction = defineAction({ schema: importRowsSchema, permission: "typedList.edit", subject: typedListSubject, prepare: readUpload, run: importRows, revalidate: PATHS, timeoutMs: 60_000 });
