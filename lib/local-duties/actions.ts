"use server";

import { defineAction } from "@/lib/action";
import { addDuty, publishDuties, removeDuty, updateDuty } from "./commands";
import { addDutySchema, publishDutiesSchema, removeDutySchema, updateDutySchema } from "./schema";

const PATHS = ["/local-duties"];

export const addDutyAction = defineAction({ schema: addDutySchema, permission: "localDuty.manage", run: addDuty, revalidate: PATHS });
export const updateDutyAction = defineAction({ schema: updateDutySchema, permission: "localDuty.manage", run: updateDuty, revalidate: PATHS });
export const removeDutyAction = defineAction({ schema: removeDutySchema, permission: "localDuty.manage", run: removeDuty, revalidate: PATHS });
export const publishDutiesAction = defineAction({ schema: publishDutiesSchema, permission: "localDuty.manage", run: publishDuties, revalidate: PATHS });
