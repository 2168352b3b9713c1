"use server";

import type { z } from "zod";
import { defineAction, type InputOf } from "@/lib/action";
import { formDataToInput, type Action } from "@/lib/forms";
import { requestMeta } from "@/lib/auth/request-meta";
import { closeAppraisalRound, confirmRevocation, createSurveyLink, decideFlaggedDuty, openAppraisalRound, rateDuties, submitSurvey } from "./commands";
import { closeRoundSchema, decideFlaggedSchema, openRoundSchema, ratingsSchema, revokeSchema, surveyLinkSchema, surveySubmitSchema } from "./schema";

const PATHS = ["/appraisal", "/local-duties", "/workspace"];

export const openAppraisalRoundAction = defineAction({ schema: openRoundSchema, permission: "appraisal.manage", run: openAppraisalRound, revalidate: PATHS });
export const createSurveyLinkAction = defineAction({ schema: surveyLinkSchema, permission: "appraisal.manage", run: createSurveyLink, revalidate: PATHS });
export const rateDutiesAction = defineAction({ schema: ratingsSchema, permission: "appraisal.rate", run: rateDuties, revalidate: PATHS });
export const confirmRevocationAction = defineAction({ schema: revokeSchema, permission: "appraisal.manage", run: confirmRevocation, revalidate: PATHS });
export const decideFlaggedDutyAction = defineAction({ schema: decideFlaggedSchema, permission: "appraisal.manage", run: decideFlaggedDuty, revalidate: PATHS });
export const closeAppraisalRoundAction = defineAction({ schema: closeRoundSchema, permission: "appraisal.manage", run: closeAppraisalRound, revalidate: PATHS });

/**
 * The public survey's submit: the link's token is the only credential. A form action like the
 * others (it posts before hydration too), without a session.
 */
export const submitSurveyAction: Action<InputOf<z.input<typeof surveySubmitSchema>>, { count: number }> = async (first: unknown, second?: unknown) => {
  const form = second instanceof FormData ? second : first instanceof FormData ? first : null;
  const raw = form ? await formDataToInput(surveySubmitSchema, form) : first;
  return submitSurvey(raw, await requestMeta());
};
