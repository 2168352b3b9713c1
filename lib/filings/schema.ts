import { z } from "zod";
import { filterPage, id, textOrEmpty } from "@/lib/validation";

/** The city 编办's review of a 备案: record it (已备案) or return it with an opinion. */
export const reviewFilingSchema = z
  .object({
    id,
    decision: z.enum(["FILED", "RETURNED"], { message: "请选择审查结果" }),
    opinion: textOrEmpty("审查意见", 1000),
  })
  .refine((v) => v.decision !== "RETURNED" || v.opinion.length > 0, { path: ["opinion"], message: "退回时请填写审查意见" });
export type ReviewFilingInput = z.infer<typeof reviewFilingSchema>;

export const FILING_STATUS_FILTERS = ["PENDING", "FILED", "RETURNED", "ALL"] as const;

export const filingFilterSchema = z.object({
  // Left out: the page picks (the city's queue opens on 待审查, a district on all of its own).
  status: z.enum(FILING_STATUS_FILTERS).optional().catch(undefined),
  page: filterPage(),
});
export type FilingFilter = z.infer<typeof filingFilterSchema>;
