"use server";

import { defineAction } from "@/lib/action";
import {
  addComment, arbitrate, assignItems, closeDevolutionRound, confirmLetter, generateLetter, letterSubject, openDevolutionRound, pairSubject, propose, respond,
  rowSubject, targetSubject, withdrawLetter,
} from "./commands";
import {
  arbitrateSchema, assignSchema, commentSchema, letterIdSchema, openDevolutionRoundSchema, pairSchema, proposeSchema, respondSchema, devolutionRoundIdSchema,
  withdrawLetterSchema,
} from "./schema";

const revalidate = ["/devolution", "/workspace"];

// Opening a round for a whole province writes ~340,000 rows in one statement, checked set-based
// (`npm run bench -- devolution` times it): well inside the default transaction limit.
export const openDevolutionRoundAction = defineAction({ schema: openDevolutionRoundSchema, permission: "devolution.manage", run: openDevolutionRound, revalidate });
export const closeDevolutionRoundAction = defineAction({ schema: devolutionRoundIdSchema, permission: "devolution.manage", run: closeDevolutionRound, revalidate });
export const assignItemsAction = defineAction({ schema: assignSchema, permission: "devolution.manage", run: assignItems, revalidate });

export const proposeAction = defineAction({ schema: proposeSchema, permission: "devolution.propose", subject: targetSubject, run: propose, revalidate });

export const respondAction = defineAction({ schema: respondSchema, permission: "devolution.respond", subject: targetSubject, run: respond, revalidate });

export const commentAction = defineAction({ schema: commentSchema, permission: "devolution.comment", subject: rowSubject, run: addComment, revalidate });
export const arbitrateAction = defineAction({ schema: arbitrateSchema, permission: "devolution.manage", subject: rowSubject, run: arbitrate, revalidate });

export const generateLetterAction = defineAction({ schema: pairSchema, permission: "devolution.letter", subject: pairSubject, run: generateLetter, revalidate });
export const confirmLetterAction = defineAction({ schema: letterIdSchema, permission: "devolution.confirmLetter", subject: letterSubject, run: confirmLetter, revalidate });
export const withdrawLetterAction = defineAction({ schema: withdrawLetterSchema, permission: "devolution.letter", subject: letterSubject, run: withdrawLetter, revalidate });
