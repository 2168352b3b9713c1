"use server";

import { defineAction } from "@/lib/action";
import * as c from "./commands";
import * as s from "./schema";

const PATHS = ["/dispatch", "/workspace"];

export const reportCaseAction = defineAction({ schema: s.reportSchema, permission: "dispatch.report", run: (i, ctx) => c.reportCase(i, ctx), revalidate: PATHS });
export const forwardCaseAction = defineAction({ schema: s.forwardSchema, permission: "dispatch.forward", run: (i, ctx) => c.forwardCase(i, ctx), revalidate: PATHS });
export const acceptCaseAction = defineAction({ schema: s.acceptSchema, permission: "dispatch.accept", subject: (i, tx) => c.dispatchSubject(tx, i.id), run: (i, ctx) => c.acceptCase(i, ctx), revalidate: PATHS });
export const handleCaseAction = defineAction({ schema: s.handleSchema, permission: "dispatch.handle", subject: (i, tx) => c.dispatchSubject(tx, i.id), run: (i, ctx) => c.handleCase(i, ctx), revalidate: PATHS });
export const replyCaseAction = defineAction({ schema: s.replySchema, permission: "dispatch.reply", subject: (i, tx) => c.dispatchSubject(tx, i.id), run: (i, ctx) => c.replyCase(i, ctx), revalidate: PATHS });
// No revalidation: the case page would re-render for a department that may no longer read it;
// the form goes to the case list instead.
export const rerouteCaseAction = defineAction({ schema: s.rerouteSchema, permission: "dispatch.reroute", subject: (i, tx) => c.dispatchSubject(tx, i.id), run: (i, ctx) => c.rerouteCase(i, ctx) });
export const escalateCaseAction = defineAction({ schema: s.escalateSchema, permission: "dispatch.escalate", subject: (i, tx) => c.dispatchSubject(tx, i.id), run: (i, ctx) => c.escalateCase(i, ctx), revalidate: PATHS });
