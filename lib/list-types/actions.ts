"use server";

import { defineAction } from "@/lib/action";
import { readGridInWorker } from "@/lib/catalogue/import/parse-in-worker";
import { createListType, createTypedList, importRows, previewRowsImport, publishList, removeRow, reviewList, saveRow, submitList, updateListType } from "./commands";
import { MAX_TYPED_IMPORT_BYTES, MAX_TYPED_IMPORT_ROWS } from "./import";
import { createListSchema, createTypeSchema, importRowsSchema, publishSchema, removeRowSchema, reviewSchema, saveRowSchema, submitSchema, updateTypeSchema } from "./schema";

const PATHS = ["/typed-lists", "/admin/list-types"];

export const createListTypeAction = defineAction({ schema: createTypeSchema, permission: "listType.manage", run: createListType, revalidate: PATHS });
export const updateListTypeAction = defineAction({ schema: updateTypeSchema, permission: "listType.manage", run: updateListType, revalidate: PATHS });
export const createTypedListAction = defineAction({ schema: createListSchema, permission: "typedList.edit", run: createTypedList, revalidate: PATHS });
export const saveTypedRowAction = defineAction({ schema: saveRowSchema, permission: "typedList.edit", run: saveRow, revalidate: PATHS });
export const removeTypedRowAction = defineAction({ schema: removeRowSchema, permission: "typedList.edit", run: removeRow, revalidate: PATHS });
export const submitTypedListAction = defineAction({ schema: submitSchema, permission: "typedList.edit", run: submitList, revalidate: PATHS });
export const reviewTypedListAction = defineAction({ schema: reviewSchema, permission: "typedList.review", run: reviewList, revalidate: PATHS });
export const publishTypedListAction = defineAction({ schema: publishSchema, permission: "typedList.publish", run: publishList, revalidate: PATHS });

/** Reads the uploaded spreadsheet in the parse worker (time and memory limits), before any transaction opens. */
const readUpload = (input: { file: Uint8Array; fileName: string }) =>
  readGridInWorker(input.file, input.fileName, { maxBytes: MAX_TYPED_IMPORT_BYTES, maxRows: MAX_TYPED_IMPORT_ROWS + 100, maxCols: 60 });

export const previewTypedImportAction = defineAction({ schema: importRowsSchema, permission: "typedList.edit", prepare: readUpload, run: previewRowsImport });
export const importTypedRowsAction = defineAction({ schema: importRowsSchema, permission: "typedList.edit", prepare: readUpload, run: importRows, revalidate: PATHS, timeoutMs: 60_000 });
