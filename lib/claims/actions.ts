"use server";

import { defineAction } from "@/lib/action";
import { claimItems, claimSubject, unclaimItems } from "./commands";
import { claimSchema, unclaimSchema } from "./schema";

const revalidate = ["/devolution", "/workspace"];

export const claimAction = defineAction({ schema: claimSchema, permission: "claim.manage", subject: claimSubject, run: claimItems, revalidate });
export const unclaimAction = defineAction({ schema: unclaimSchema, permission: "claim.manage", subject: claimSubject, run: unclaimItems, revalidate });
