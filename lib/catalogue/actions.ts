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
  issueEdition,
  updateEdition,
  updateItem,
} from "./commands";
import { parseKeptUpload } from "./queries";

// Pages under /catalogue show editions, items and imports: all of them refresh after a write.
const revalidate = ["/catalogue"];

export const createEditionAction = defineAction({ schema: createEditionSchema, permission: "catalogue.edit", run: createEdition, revalidate });
export const updateEditionAction = defineAction({ schema: updateEditionSchema, permission: "catalogue.edit", run: updateEdition, revalidate });
export const deleteEditionAction = defineAction({ schema: editionIdSchema, permission: "catalogue.edit", run: deleteEdition, revalidate });
export const issueEditionAction = defineAction({ schema: editionIdSchema, permission: "catalogue.issue", run: issueEdition, revalidate });

export const createItemAction = defineAction({ schema: createItemSchema, permission: "catalogue.edit", run: createItem, revalidate });
export const updateItemAction = defineAction({ schema: updateItemSchema, permission: "catalogue.edit", run: updateItem, revalidate });
export const bulkEditItemsAction = defineAction({ schema: bulkEditSchema, permission: "catalogue.edit", run: bulkEditItems, revalidate });
export const deleteItemAction = defineAction({ schema: itemIdSchema, permission: "catalogue.edit", run: deleteItem, revalidate });

export const adjustImportAction = defineAction({ schema: adjustImportSchema, permission: "catalogue.import", run: adjustImport, revalidate });
export const commitImportAction = defineAction({
  schema: importSessionIdSchema,
  permission: "catalogue.import",
  // Parse outside the transaction; the commit then reads the cached result.
  prepare: (input, user) => parseKeptUpload(input.sessionId, user.id),
  run: commitImport,
  revalidate,
});
export const discardImportAction = defineAction({ schema: importSessionIdSchema, permission: "catalogue.import", run: discardImport, revalidate });
