import type { OrgKind, Role } from "@/lib/generated/prisma/enums";
import type { Area } from "./scope";

/** The signed-in user as every policy and action sees it: loaded fresh from the database. */
export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: number;
  unitName: string;
  unitKind: OrgKind;
  unitParentId: number | null;
  jointMeetingMember: boolean;
  mustChangePassword: boolean;
  /**
   * A district 编办's area (lib/auth/scope.ts): the district and the units beneath it. Absent or
   * null: the whole city.
   */
  area?: Area | null;
};
