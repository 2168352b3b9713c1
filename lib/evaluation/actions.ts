"use server";

import { defineAction } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import * as c from "./commands";
import * as s from "./schema";

const PATHS = ["/evaluation", "/workspace"];

export const createEvaluationRoundAction = defineAction({ schema: s.createEvaluationRoundSchema, permission: "evaluation.manage", run: c.createEvaluationRound, revalidate: PATHS });
export const saveIndicatorsAction = defineAction({ schema: s.saveIndicatorsSchema, permission: "evaluation.manage", run: c.saveIndicators, revalidate: PATHS });
export const changePairsAction = defineAction({ schema: s.bulkPairsSchema, permission: "evaluation.manage", run: c.changePairs, revalidate: PATHS });
export const setUnitPairsAction = defineAction({ schema: s.unitPairsSchema, permission: "evaluation.manage", run: c.setUnitPairs, revalidate: PATHS });
export const resetPairsAction = defineAction({ schema: s.evaluationRoundIdSchema, permission: "evaluation.manage", run: c.resetPairs, revalidate: PATHS });
export const setEvaluationDeadlineAction = defineAction({ schema: s.deadlineSchema, permission: "evaluation.manage", run: c.setDeadline, revalidate: PATHS });
export const deleteDraftEvaluationRoundAction = defineAction({ schema: s.evaluationRoundIdSchema, permission: "evaluation.manage", run: c.deleteDraftEvaluationRound, revalidate: PATHS });
export const openEvaluationRoundAction = defineAction({ schema: s.evaluationRoundIdSchema, permission: "evaluation.manage", run: c.openEvaluationRound, revalidate: PATHS });
export const remindEvaluationRatersAction = defineAction({ schema: s.remindSchema, permission: "evaluation.manage", run: c.remind, revalidate: PATHS });
export const extendSheetAction = defineAction({ schema: s.extendSheetSchema, permission: "evaluation.manage", run: c.extendSheet, revalidate: PATHS });
export const closeEvaluationRoundAction = defineAction({ schema: s.evaluationRoundIdSchema, permission: "evaluation.manage", run: c.closeEvaluationRound, revalidate: PATHS });
export const publishEvaluationRoundAction = defineAction({ schema: s.evaluationRoundIdSchema, permission: "evaluation.manage", run: c.publishEvaluationRound, revalidate: PATHS });

// A rater writes only its own unit's sheet, and only while the round is open.
const ownSheet = async (i: { roundId: number }, tx: Tx, user: { unitId: number }) => {
  const round = await tx.evaluationRound.findUnique({ where: { id: i.roundId }, select: { status: true } });
  if (!round) return false as const;
  return { type: "evaluationUnit" as const, unitId: user.unitId, roundStatus: round.status };
};

export const saveScoresAction = defineAction({
  schema: s.saveScoresSchema,
  permission: "evaluation.rate",
  subject: ownSheet,
  run: async (input, ctx) => {
    const r = await c.saveScores(input, ctx);
    return { saved: r.saved };
  },
  revalidate: PATHS,
});

export const submitSheetAction = defineAction({ schema: s.saveScoresSchema, permission: "evaluation.rate", subject: ownSheet, run: c.submitSheet, revalidate: PATHS });
