import "server-only";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { createImportSession } from "./commands";

/**
 * The upload step of the web import. Not a server action (the file comes to a route handler,
 * so the browser can show upload progress), but the same chain: input -> session -> policy ->
 * command with audit in one transaction.
 */
export const uploadImport = defineAction({
  schema: z.object({
    editionId: z.coerce.number().int().positive(),
    fileName: z.string().trim().min(1).max(255),
    bytes: z.instanceof(Uint8Array),
  }),
  permission: "catalogue.import",
  run: createImportSession,
  revalidate: ["/catalogue"],
});
