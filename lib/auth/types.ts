import type { OrgKind, Role } from "@/lib/generated/prisma/enums";

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
};
