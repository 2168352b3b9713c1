"use server";

import { defineAction } from "@/lib/action";
import { readGridInWorker } from "@/lib/catalogue/import/parse-in-worker";
import { addDuty, importDuties, previewDutyImport, publishDuties, removeDuty, updateDuty } from "./commands";
import { MAX_DUTY_IMPORT_ROWS } from "./import";
import { addDutySchema, importDutiesSchema, MAX_DUTY_IMPORT_BYTES, publishDutiesSchema, removeDutySchema, updateDutySchema } from "./schema";

const PATHS = ["/local-duties"];

export const addDutyAction = defineAction({ schema: addDutySchema, permission: "localDuty.manage", run: addDuty, revalidate: PATHS });
export const updateDutyAction = defineAction({ schema: updateDutySchema, permission: "localDuty.manage", run: updateDuty, revalidate: PATHS });
export const removeDutyAction = defineAction({ schema: removeDutySchema, permission: "localDuty.manage", run: removeDuty, revalidate: PATHS });
export const publishDutiesAction = defineAction({ schema: publishDutiesSchema, permission: "localDuty.manage", run: publishDuties, revalidate: PATHS });

/** Reads the uploaded spreadsheet in the parse worker (time and memory limits), before any transaction opens. */
const readUpload = (input: { file: Uint8Array; fileName: string }) =>
  readGridInWorker(input.file, input.fileName, { maxBytes: MAX_DUTY_IMPORT_BYTES, maxRows: MAX_DUTY_IMPORT_ROWS + 100, maxCols: 40 });

export const previewDutyImportAction = defineAction({ schema: importDutiesSchema, permission: "localDuty.manage", prepare: readUpload, run: previewDutyImport });
export const importDutiesAction = defineAction({ schema: importDutiesSchema, permission: "localDuty.manage", prepare: readUpload, run: importDuties, revalidate: PATHS, timeoutMs: 120_000 });
