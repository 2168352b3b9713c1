"use server";

import { defineAction } from "@/lib/action";
import { createUnitSchema, moveUnitSchema, setUnitActiveSchema, updateUnitSchema } from "./schema";
import { createUnit, moveUnit, setUnitActive, updateUnit } from "./commands";

const revalidate = ["/admin/units", "/admin/users"];

export const createUnitAction = defineAction({ schema: createUnitSchema, permission: "unit.manage", run: createUnit, revalidate });
export const updateUnitAction = defineAction({ schema: updateUnitSchema, permission: "unit.manage", run: updateUnit, revalidate });
export const moveUnitAction = defineAction({ schema: moveUnitSchema, permission: "unit.manage", run: moveUnit, revalidate });
export const setUnitActiveAction = defineAction({ schema: setUnitActiveSchema, permission: "unit.manage", run: setUnitActive, revalidate });
