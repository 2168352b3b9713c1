import "server-only";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { createImportSession, itemsEditionSubject, parseUpload } from "./commands";
import { id } from "@/lib/validation";

/**
 * The upload step of the web import. Not a server action (the file comes to a route handler,
 * so the browser can show upload progress), but the same chain: input -> session -> policy ->
 * command with audit in one transaction. The file is parsed (in a worker thread, with a time
 * limit) before the transaction opens.
 */
export const uploadImport = defineAction({
  schema: z.object({
    editionId: id,
    fileName: z.string().trim().min(1).max(255),
    bytes: z.instanceof(Uint8Array),
  }),
  permission: "catalogue.import",
  subject: itemsEditionSubject,
  prepare: (input) => parseUpload(input),
  run: (input, ctx) => createImportSession({ ...input, parse: ctx.prepared }, ctx),
  revalidate: ["/catalogue"],
});
