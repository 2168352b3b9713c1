import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "./types";
import { catalogueAllows, type EditionSubject } from "@/lib/catalogue/policy";
import { devolutionAllows, type ClaimSubject, type DevolutionSubject } from "@/lib/devolution/policy";
import { listAllows, type AdjustmentSubject, type ListReviewSubject, type ListSubject, type ListUnitSubject } from "@/lib/lists/policy";
import { admissionAllows, type AdmissionSubject } from "@/lib/admission/policy";
import { refusalAllows, type TaskSubject } from "@/lib/refusals/policy";
import { evaluationAllows, type EvaluationUnitSubject } from "@/lib/evaluation/policy";
import { dispatchAllows, type DispatchSubject } from "@/lib/dispatch/policy";
import { userAllows, type UserSubject } from "@/lib/users/policy";
import { typedListAllows, type TypedListSubject } from "@/lib/list-types/policy";
import { filingAllows, type FilingSubject } from "@/lib/filings/policy";
import { areaOf, concernsArea } from "./scope";

/** Every kind of subject a permission can be checked against, by its `type`. */
export type SubjectMap = {
  user: UserSubject;
  edition: EditionSubject;
  devolution: DevolutionSubject;
  claim: ClaimSubject;
  powerList: ListSubject;
  listUnit: ListUnitSubject;
  listReview: ListReviewSubject;
  adjustment: AdjustmentSubject;
  admission: AdmissionSubject;
  task: TaskSubject;
  evaluationUnit: EvaluationUnitSubject;
  dispatch: DispatchSubject;
  typedList: TypedListSubject;
  filing: FilingSubject;
};
export type SubjectType = keyof SubjectMap;
export type Subject = SubjectMap[SubjectType];

type Entry = { readonly roles: readonly Role[]; readonly subject?: readonly SubjectType[] };

/**
 * Every permission the system knows: the roles that hold it and, where the answer depends on
 * which object is touched, the kinds of subject it must be checked against. A permission with a
 * `subject` cannot be checked without one: `can` and `requirePermission` do not compile without
 * it, `defineAction` does not compile without a subject loader, and at run time a missing subject
 * is a refusal. Pages that list many objects check `mayEnter` and scope their reads instead.
 */
export const PERMISSIONS = {
  "workspace.view": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"] },
  "account.changePassword": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"] },
  "user.read": { roles: ["BIANBAN_ADMIN"] },
  "user.create": { roles: ["BIANBAN_ADMIN"] },
  "user.manage": { roles: ["BIANBAN_ADMIN"], subject: ["user"] },
  "unit.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"] },
  "unit.manage": { roles: ["BIANBAN_ADMIN"] },
  "audit.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"] },
  "catalogue.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"], subject: ["edition"] },
  "catalogue.readDraft": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"] },
  // Checked against the edition: the city 编办 edits the city's, a district 编办 its district's (lib/catalogue/policy.ts).
  "catalogue.edit": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["edition"] },
  "catalogue.issue": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["edition"] },
  "catalogue.import": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["edition"] },
  "dictionary.manage": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"] },
  // 赋权承接确认: subjects name the streets and departments of the rows (lib/devolution/policy.ts).
  "devolution.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "STREET", "LEADER"], subject: ["devolution"] },
  "devolution.manage": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"] },
  "devolution.stats": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "LEADER"] },
  "devolution.propose": { roles: ["DEPARTMENT"], subject: ["devolution"] },
  "devolution.respond": { roles: ["STREET"], subject: ["devolution"] },
  "devolution.comment": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "STREET"], subject: ["devolution"] },
  "devolution.letter": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "STREET"], subject: ["devolution"] },
  "devolution.confirmLetter": { roles: ["DEPARTMENT", "STREET"], subject: ["devolution"] },
  "claim.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "STREET", "LEADER"], subject: ["claim"] },
  "claim.manage": { roles: ["STREET"], subject: ["claim"] },
  // 职权清单 and 动态调整: subjects name the list's unit, status and reviewers (lib/lists/policy.ts).
  "list.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"], subject: ["powerList", "listReview"] },
  "list.create": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "STREET", "COMMUNITY"], subject: ["listUnit"] },
  "list.edit": { roles: ["STREET", "COMMUNITY"], subject: ["powerList"] },
  "list.submit": { roles: ["STREET", "COMMUNITY"], subject: ["powerList"] },
  "list.manageStages": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["powerList"] },
  "list.review": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "LEADER"], subject: ["listReview"] },
  "list.return": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["powerList"] },
  "list.publish": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["powerList"] },
  "listCategory.manage": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"] },
  "adjustment.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"], subject: ["adjustment"] },
  "adjustment.create": { roles: ["DEPARTMENT", "STREET", "COMMUNITY"], subject: ["adjustment"] },
  "adjustment.withdraw": { roles: ["DEPARTMENT", "STREET", "COMMUNITY"], subject: ["adjustment"] },
  "adjustment.opine": { roles: ["REVIEWER"], subject: ["adjustment"] },
  "adjustment.decide": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["adjustment"] },
  "adjustment.file": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["adjustment"] },
  "adjustment.publish": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["adjustment"] },
  // 准入: subjects name the applicant, the target units and the status (lib/admission/policy.ts).
  "admission.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"], subject: ["admission"] },
  "admission.apply": { roles: ["DEPARTMENT"] },
  "admission.edit": { roles: ["DEPARTMENT"], subject: ["admission"] },
  "admission.withdraw": { roles: ["DEPARTMENT"], subject: ["admission"] },
  "admission.initialReview": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["admission"] },
  "admission.opine": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "REVIEWER"], subject: ["admission"] },
  "admission.consult": { roles: ["STREET", "COMMUNITY"], subject: ["admission"] },
  "admission.closeConsultation": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["admission"] },
  "admission.decide": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["admission"] },
  "admission.file": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["admission"] },
  // 准入 and 评议 settings: the 备案机关, the appraisal's exclusion rule.
  "admission.settings": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"] },
  "localDuty.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"] },
  // 存量事项: 编办 enters, corrects and removes duties held before the admission gate, then publishes.
  "localDuty.manage": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"] },
  // 各类清单 (lib/list-types): 编办 defines the types and reviews and publishes each unit's list;
  // the unit (a street or community) or 编办 drafts and submits it. Subjects name the list's unit
  // (lib/list-types/policy.ts).
  "listType.manage": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"] },
  "typedList.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "LEADER", "STREET", "COMMUNITY", "DEPARTMENT", "REVIEWER"], subject: ["typedList"] },
  "typedList.edit": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "STREET", "COMMUNITY"], subject: ["typedList"] },
  "typedList.review": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "LEADER"], subject: ["typedList"] },
  "typedList.publish": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["typedList"] },
  // 拒绝权: a street or community keeps its own register; 编办 and leaders read all of them.
  // A department reads the refusals of the tasks it handed down (lib/refusals/queries.ts scopes it).
  "refusal.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "STREET", "COMMUNITY", "LEADER"] },
  "refusal.register": { roles: ["STREET", "COMMUNITY"] },
  "refusal.refuse": { roles: ["STREET", "COMMUNITY"], subject: ["task"] },
  "appraisal.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "LEADER"] },
  "appraisal.manage": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"] },
  "appraisal.rate": { roles: ["STREET", "COMMUNITY"] },
  "calendar.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"] },
  "calendar.manage": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"] },
  "funding.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "LEADER"] },
  // 费随事转 ledger: 编办 records the disbursements (拨付) against each admitted duty.
  "funding.manage": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"] },
  // 双向考评: only 编办 sets up rounds and sees individual raters' scores (lib/evaluation/policy.ts).
  "evaluation.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "STREET", "LEADER"] },
  "evaluation.manage": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"] },
  "evaluation.rate": { roles: ["DEPARTMENT", "STREET"], subject: ["evaluationUnit"] },
  "evaluation.results": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "STREET", "LEADER"], subject: ["evaluationUnit"] },
  "evaluation.raterDetail": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"] },
  // 双向派单: subjects name the case's street, department and status (lib/dispatch/policy.ts).
  "dispatch.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "STREET", "LEADER"], subject: ["dispatch"] },
  "dispatch.report": { roles: ["STREET"] },
  "dispatch.forward": { roles: ["DEPARTMENT"] },
  "dispatch.accept": { roles: ["DEPARTMENT"], subject: ["dispatch"] },
  "dispatch.handle": { roles: ["DEPARTMENT"], subject: ["dispatch"] },
  "dispatch.reroute": { roles: ["DEPARTMENT"], subject: ["dispatch"] },
  "dispatch.reply": { roles: ["STREET"], subject: ["dispatch"] },
  "dispatch.escalate": { roles: ["STREET"], subject: ["dispatch"] },
  // Departments and streets see their own unit's figures only (statsByUnit's scope).
  "dispatch.stats": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "LEADER", "DEPARTMENT", "STREET"] },
  // 备案: a district 编办 files its decisions with the city 编办 and reads its own filings; the
  // city 编办 reads all of them and reviews them (records 已备案 or returns an opinion).
  "filing.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["filing"] },
  "filing.review": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF"], subject: ["filing"] },
  "notification.read": { roles: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"] },
} as const satisfies Record<string, Entry>;

export type Permission = keyof typeof PERMISSIONS;

type EntryOf<P extends Permission> = (typeof PERMISSIONS)[P];
/** The permissions that are only ever checked against a subject. */
export type SubjectPermission = {
  [P in Permission]: EntryOf<P> extends { subject: readonly SubjectType[] } ? P : never;
}[Permission];
export type RolePermission = Exclude<Permission, SubjectPermission>;
/** The subject a permission is checked against (never, for role-only permissions). */
export type SubjectFor<P extends Permission> = EntryOf<P> extends { subject: readonly (infer T extends SubjectType)[] } ? SubjectMap[T] : never;
/** `can(user, p)` for role-only permissions, `can(user, p, subject)` for the others. */
export type SubjectArgs<P extends Permission> = P extends SubjectPermission ? [subject: SubjectFor<P>] : [];

export function hasRole(user: Pick<SessionUser, "roles">, ...roles: Role[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}

/** Each area's policy answers for the subjects it owns. */
const AREA_POLICIES: { [T in SubjectType]: (user: SessionUser, permission: Permission, subject: SubjectMap[T]) => boolean } = {
  user: userAllows,
  edition: (user, permission, subject) => catalogueAllows(user, permission, subject, roleHolds(user, "catalogue.readDraft")),
  devolution: devolutionAllows,
  claim: devolutionAllows,
  powerList: listAllows,
  listUnit: listAllows,
  listReview: listAllows,
  adjustment: listAllows,
  admission: admissionAllows,
  task: refusalAllows,
  evaluationUnit: evaluationAllows,
  dispatch: dispatchAllows,
  typedList: typedListAllows,
  filing: filingAllows,
};

/**
 * Role-only permissions that manage what the whole city shares, or whose commands do not yet name
 * the units they touch: the city 编办 holds them, a district 编办 (a user with an area) does not.
 * Catalogue editions are checked against their area instead (a district 编办 edits its own
 * district's edition of the guidance catalogue).
 */
export const CITY_ONLY: ReadonlySet<Permission> = new Set<Permission>([
  "dictionary.manage",
  "calendar.manage",
  "listCategory.manage",
  // 准入 and 评议 settings stay the city's: the 评议 exclusion rule (months in force before a duty
  // is appraised) is one rule for every round in the city, and the 备案机关 is the body above the
  // city 编办 that the city's decisions are filed with. A district's decisions are filed with the
  // city 编办 itself (issue 13's 备案), which is not a setting a district edits.
  "admission.settings",
  // Not here: evaluation.manage and evaluation.raterDetail (lib/evaluation checks the round's
  // district: lib/evaluation/policy.ts roundInArea), appraisal.manage (lib/appraisal/scope.ts), unit.manage and user.create (a district 编办
  // holds them; lib/units/commands.ts and lib/users/commands.ts keep it to the units of its
  // district and the roles it may grant).
  // Configurable list types are the city's; typed lists are checked against their unit.
  "listType.manage",
  // 备案 is reviewed by the city 编办.
  "filing.review",
]);

/**
 * The units an object concerns, for the area check (lib/auth/scope.ts): a district 编办 may touch
 * an object only if one of them lies in its district. City departments never decide it, so they
 * are left out where the object also names its street. The city's catalogue editions concern
 * every district (which of them a district 编办 may touch is catalogueAllows' answer).
 */
const SUBJECT_UNITS: { [T in SubjectType]: (subject: SubjectMap[T]) => (number | null | undefined)[] | "city" } = {
  user: (s) => [s.unitId],
  edition: (s) => (s.areaUnitId == null ? "city" : [s.areaUnitId]),
  devolution: (s) => s.streetIds,
  claim: (s) => [s.streetId],
  powerList: (s) => [s.unitId],
  listUnit: (s) => [s.unitId],
  listReview: (s) => [s.unitId],
  adjustment: (s) => [s.listUnitId],
  admission: (s) => [s.applicantUnitId, ...s.targetUnitIds],
  task: (s) => [s.unitId],
  evaluationUnit: (s) => [s.unitId],
  dispatch: (s) => [s.streetId],
  typedList: (s) => [s.unitId],
  filing: (s) => [s.districtId],
};

/** Whether an object lies in the user's area (always, for a user who sees the whole city). */
export function subjectInArea(user: SessionUser, subject: Subject): boolean {
  if (!areaOf(user)) return true;
  const units = (SUBJECT_UNITS[subject.type] as (s: Subject) => (number | null | undefined)[] | "city")(subject);
  return units === "city" || concernsArea(user, units);
}

function roleHolds(user: SessionUser | null, permission: Permission): user is SessionUser {
  if (!user) return false;
  const allowed = PERMISSIONS[permission].roles as readonly Role[];
  if (!user.roles.some((r) => allowed.includes(r))) return false;
  if (areaOf(user) && CITY_ONLY.has(permission)) return false;
  // Until the password is changed the account may do nothing else.
  return !user.mustChangePassword || permission === "account.changePassword";
}

/**
 * Whether the user's roles hold `permission` at all, before any object is named: for menus,
 * buttons, and pages that list many objects and scope their reads to the user. It is never the
 * check for touching one object; that is `can` with the object as subject.
 */
export function mayEnter(user: SessionUser | null, permission: Permission): boolean {
  return roleHolds(user, permission);
}

/** Pure: may `user` do `permission` (to `subject`, for permissions that name one)? */
export function can<P extends Permission>(user: SessionUser | null, permission: P, ...args: SubjectArgs<P>): boolean {
  if (!roleHolds(user, permission)) return false;
  const kinds = (PERMISSIONS[permission] as Entry).subject;
  if (!kinds) return true;
  const subject = args[0] as Subject | undefined;
  // A permission that names its subject kinds is refused without one, or with another kind.
  if (!subject || !kinds.includes(subject.type)) return false;
  // A district 编办 touches only the objects of its own district.
  if (!subjectInArea(user, subject)) return false;
  const allows = AREA_POLICIES[subject.type] as (user: SessionUser, permission: Permission, subject: Subject) => boolean;
  return allows(user, permission, subject);
}

/** Whether a permission is checked against a subject (for the run-time check in defineAction). */
export function needsSubject(permission: Permission): boolean {
  return Boolean((PERMISSIONS[permission] as Entry).subject);
}
