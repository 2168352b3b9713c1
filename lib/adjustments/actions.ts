"use server";

import { defineAction } from "@/lib/action";
import {
  adjustmentOpinionSchema,
  createAdjustmentSchema,
  decideSchema,
  fileSchema,
  publishAdjustmentSchema,
  withdrawSchema,
} from "./schema";
import {
  adjustmentSubject,
  adjustmentTargetSubject,
  createAdjustment,
  decideAdjustment,
  fileAdjustment,
  opineAdjustment,
  publishAdjustment,
  withdrawAdjustment,
} from "./commands";

const revalidate = ["/lists", "/workspace", "/"];
const ofAdjustment = async (input: { adjustmentId: number }, tx: Parameters<typeof adjustmentSubject>[0]) => adjustmentSubject(tx, input.adjustmentId);

export const createAdjustmentAction = defineAction({
  schema: createAdjustmentSchema,
  permission: "adjustment.create",
  subject: (input, tx) => adjustmentTargetSubject(tx, input.listId),
  run: createAdjustment,
  revalidate,
});
export const withdrawAdjustmentAction = defineAction({ schema: withdrawSchema, permission: "adjustment.withdraw", subject: ofAdjustment, run: withdrawAdjustment, revalidate });
export const opineAdjustmentAction = defineAction({ schema: adjustmentOpinionSchema, permission: "adjustment.opine", subject: ofAdjustment, run: opineAdjustment, revalidate });
export const decideAdjustmentAction = defineAction({ schema: decideSchema, permission: "adjustment.decide", subject: ofAdjustment, run: decideAdjustment, revalidate });
export const fileAdjustmentAction = defineAction({ schema: fileSchema, permission: "adjustment.file", subject: ofAdjustment, run: fileAdjustment, revalidate });
export const publishAdjustmentAction = defineAction({ schema: publishAdjustmentSchema, permission: "adjustment.publish", subject: ofAdjustment, run: publishAdjustment, revalidate });
