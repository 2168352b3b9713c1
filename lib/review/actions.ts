"use server";

import { defineAction } from "@/lib/action";
import { requestMeta } from "@/lib/auth/request-meta";
import { closeAppraisalRound, confirmRevocation, createSurveyLink, openAppraisalRound, rateDuties, submitSurvey } from "./commands";
import { closeRoundSchema, openRoundSchema, ratingsSchema, revokeSchema, surveyLinkSchema } from "./schema";

const PATHS = ["/review", "/local-duties", "/workspace"];

export const openAppraisalRoundAction = defineAction({ schema: openRoundSchema, permission: "appraisal.manage", run: openAppraisalRound, revalidate: PATHS });
export const createSurveyLinkAction = defineAction({ schema: surveyLinkSchema, permission: "appraisal.manage", run: createSurveyLink, revalidate: PATHS });
export const rateDutiesAction = defineAction({ schema: ratingsSchema, permission: "appraisal.rate", run: rateDuties, revalidate: PATHS });
export const confirmRevocationAction = defineAction({ schema: revokeSchema, permission: "appraisal.manage", run: confirmRevocation, revalidate: PATHS });
export const closeAppraisalRoundAction = defineAction({ schema: closeRoundSchema, permission: "appraisal.manage", run: closeAppraisalRound, revalidate: PATHS });

/** The public survey's submit: the link's token is the only credential. */
export async function submitSurveyAction(raw: unknown) {
  return submitSurvey(raw, await requestMeta());
}
