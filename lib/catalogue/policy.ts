import type { EditionStatus } from "@/lib/generated/prisma/enums";

/** A catalogue edition (and its items): drafts are 编办's working copies, issued editions are public. */
export type EditionSubject = { type: "edition"; status: EditionStatus };

/**
 * The subject half of `catalogue.read`: issued editions are read by everyone who may read
 * catalogues, drafts only by those who may read drafts. That only drafts are edited is a rule of
 * the edition's state, checked under a row lock by the commands (answering LOCKED).
 */
export function catalogueAllows(_user: unknown, permission: string, subject: EditionSubject, readsDrafts: boolean): boolean {
  switch (permission) {
    case "catalogue.read":
      return subject.status === "ISSUED" || readsDrafts;
    default:
      return false;
  }
}
