"use server";

import { defineAction } from "@/lib/action";
import { createEntrySchema, setEntryActiveSchema, updateEntrySchema } from "./schema";
import { createEntry, setEntryActive, updateEntry } from "./commands";

const revalidate = ["/catalogue"];

export const createEntryAction = defineAction({ schema: createEntrySchema, permission: "dictionary.manage", run: createEntry, revalidate });
export const updateEntryAction = defineAction({ schema: updateEntrySchema, permission: "dictionary.manage", run: updateEntry, revalidate });
export const setEntryActiveAction = defineAction({ schema: setEntryActiveSchema, permission: "dictionary.manage", run: setEntryActive, revalidate });
