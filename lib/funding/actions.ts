"use server";

import { defineAction } from "@/lib/action";
import { disburse } from "./commands";
import { disburseSchema } from "./schema";

export const disburseAction = defineAction({ schema: disburseSchema, permission: "funding.manage", run: disburse, revalidate: ["/funding"] });
