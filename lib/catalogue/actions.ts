"use server";

import { defineAction } from "@/lib/action";
import {
  adjustImportSchema,
  bulkEditSchema,
  createEditionSchema,
  createItemSchema,
  editionIdSchema,
  importSessionIdSchema,
  itemIdSchema,
  updateEditionSchema,
  updateItemSchema,
} from "./schema";
import {
  adjustImport,
  bulkEditItems,
  commitImport,
  createEdition,
  createItem,
  deleteEdition,
  deleteItem,
  discardImport,
  editionIdSubject,
  importSessionSubject,
  issueEdition,
  itemSubject,
  itemsEditionSubject,
  newEditionSubject,
  updateEdition,
  updateItem,
} from "./commands";
import { parseKeptUpload } from "./queries";

// Pages under /catalogue show editions, items and imports: all of them refresh after a write.
const revalidate = ["/catalogue"];

export const createEditionAction = defineAction({ schema: createEditionSchema, permission: "catalogue.edit", subject: newEditionSubject, run: createEdition, revalidate });
export const updateEditionAction = defineAction({ schema: updateEditionSchema, permission: "catalogue.edit", subject: editionIdSubject, run: updateEdition, revalidate });
export const deleteEditionAction = defineAction({ schema: editionIdSchema, permission: "catalogue.edit", subject: editionIdSubject, run: deleteEdition, revalidate });
export const issueEditionAction = defineAction({ schema: editionIdSchema, permission: "catalogue.issue", subject: editionIdSubject, run: issueEdition, revalidate: [...revalidate, "/filings"] });

export const createItemAction = defineAction({ schema: createItemSchema, permission: "catalogue.edit", subject: itemsEditionSubject, run: createItem, revalidate });
export const updateItemAction = defineAction({ schema: updateItemSchema, permission: "catalogue.edit", subject: itemSubject, run: updateItem, revalidate });
export const bulkEditItemsAction = defineAction({ schema: bulkEditSchema, permission: "catalogue.edit", subject: itemsEditionSubject, run: bulkEditItems, revalidate });
export const deleteItemAction = defineAction({ schema: itemIdSchema, permission: "catalogue.edit", subject: itemSubject, run: deleteItem, revalidate });

export const adjustImportAction = defineAction({ schema: adjustImportSchema, permission: "catalogue.import", subject: importSessionSubject, run: adjustImport, revalidate });
export const commitImportAction = defineAction({
  schema: importSessionIdSchema,
  permission: "catalogue.import",
  subject: importSessionSubject,
  // Parse outside the transaction; the commit then reads the cached result.
  prepare: (input, user) => parseKeptUpload(input.sessionId, user.id),
  run: commitImport,
  revalidate,
});
export const discardImportAction = defineAction({ schema: importSessionIdSchema, permission: "catalogue.import", subject: importSessionSubject, run: discardImport, revalidate });
