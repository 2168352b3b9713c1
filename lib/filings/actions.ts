"use server";

import { defineAction } from "@/lib/action";
import { reviewFilingSchema } from "./schema";
import { filingSubject, reviewFiling } from "./commands";

export const reviewFilingAction = defineAction({
  schema: reviewFilingSchema,
  permission: "filing.review",
  subject: filingSubject,
  run: reviewFiling,
  revalidate: ["/filings", "/workspace"],
});
