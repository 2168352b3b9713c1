import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/types";
import { parseStoredStages } from "./schema";

/** A typed list (各类清单), or the unit a new one would be drafted for: the unit it belongs to. */
export type TypedListSubject = {
  type: "typedList";
  unitId: number;
  /** The units the list's type names as reviewers of a stage (they read its lists). */
  reviewerUnitIds?: readonly number[];
  /** While in review: the unit reviewing the current stage (null: 编办). */
  currentReviewerUnitId?: number | null;
};

type Who = Pick<SessionUser, "roles" | "unitId">;
const has = (user: Who, ...roles: Role[]) => user.roles.some((r) => roles.includes(r));

/**
 * The subject half of 各类清单: 编办 reads, drafts, reviews and publishes every unit's list (a
 * district 编办 only its district's: the area check in lib/auth/policy.ts); a leader reads them;
 * a street or community reads, drafts and submits its own unit's list only. A unit a type's
 * stage names (e.g. 司法局 for 合法性审查) reads that type's lists and reviews that stage only.
 */
export function typedListAllows(user: Who, permission: string, s: TypedListSubject): boolean {
  const bianban = has(user, "BIANBAN_ADMIN", "BIANBAN_STAFF");
  switch (permission) {
    case "typedList.read":
      return bianban || has(user, "LEADER") || (has(user, "STREET", "COMMUNITY") && user.unitId === s.unitId) || (s.reviewerUnitIds ?? []).includes(user.unitId);
    case "typedList.edit":
      return bianban || (has(user, "STREET", "COMMUNITY") && user.unitId === s.unitId);
    case "typedList.review":
      // A stage that names a unit is that unit's; any other stage is 编办's.
      if (typeof s.currentReviewerUnitId === "number") return user.unitId === s.currentReviewerUnitId;
      return bianban;
    case "typedList.publish":
      return bianban;
    default:
      return false;
  }
}

/** Whether the user reads only its own unit's typed lists (streets and communities). */
export function readsOwnTypedLists(user: Who): boolean {
  return !has(user, "BIANBAN_ADMIN", "BIANBAN_STAFF", "LEADER") && has(user, "STREET", "COMMUNITY");
}

/** A typed list as the policy sees it: its unit, the units its type's stages name, and who reviews the stage it is at. */
export function typedListSubjectOf(list: { unitId: number; status: string; stageIndex: number; type: { stages: unknown } }): TypedListSubject {
  const stages = parseStoredStages(list.type.stages);
  const current = list.status === "IN_REVIEW" ? stages[list.stageIndex] : undefined;
  return {
    type: "typedList",
    unitId: list.unitId,
    reviewerUnitIds: stages.flatMap((st) => (st.unitId !== null ? [st.unitId] : [])),
    ...(current ? { currentReviewerUnitId: current.unitId } : {}),
  };
}
