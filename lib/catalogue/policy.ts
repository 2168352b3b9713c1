import type { CatalogueKind, EditionStatus } from "@/lib/generated/prisma/enums";
import { areaOf, type Area } from "@/lib/auth/scope";

/**
 * A catalogue edition (and its items): drafts are 编办's working copies, issued editions are
 * public. `areaUnitId` is the district whose edition it is (a district 编办's edition of the
 * guidance catalogue); null: the city's.
 */
export type EditionSubject = { type: "edition"; status: EditionStatus; areaUnitId: number | null };

/** The district the user's editions belong to: its own district, or null for the city. */
export function editionAreaOf(user: { area?: Area | null }): number | null {
  return areaOf(user)?.districtId ?? null;
}

/**
 * The subject half of the catalogue permissions. The area check (lib/auth/policy.ts) has already
 * refused a district 编办 every edition of another district. Here:
 * - `catalogue.read`: issued editions by everyone who may read catalogues; drafts by those who may
 *   read drafts, and of them a district 编办 only its own district's (never the city's drafts).
 * - `catalogue.edit` / `issue` / `import`: only the owner: the city 编办 the city's editions, a
 *   district 编办 its district's. The city reviews a district's edition through its 备案, it does
 *   not edit it. That only drafts are edited is a rule of the edition's state, checked under a
 *   row lock by the commands (answering LOCKED).
 */
export function catalogueAllows(user: { area?: Area | null }, permission: string, subject: EditionSubject, readsDrafts: boolean): boolean {
  const owns = editionAreaOf(user) === subject.areaUnitId;
  switch (permission) {
    case "catalogue.read":
      if (subject.status === "ISSUED") return true;
      return readsDrafts && (owns || !areaOf(user));
    case "catalogue.edit":
    case "catalogue.issue":
    case "catalogue.import":
      return owns;
    default:
      return false;
  }
}

type Source = { kind: CatalogueKind; status: EditionStatus; areaUnitId: number | null };

/**
 * Pure: why a new edition may not be made from `source` (null: it may). The city copies any of
 * its editions of the same kind. A district 编办 makes its edition of the guidance catalogue only
 * by deriving it from an issued city guidance edition (or from an edition of its own district),
 * so that the comparison with its source shows what the district changed.
 */
export function derivationProblem(area: number | null, kind: CatalogueKind, source: Source | null): string | null {
  if (area == null) {
    if (source && source.kind !== kind) return "只能复制同一类清单的版本";
    if (source && source.areaUnitId != null) return "市级版本不能复制区县的版本";
    return null;
  }
  if (kind !== "GUIDANCE") return "区县编办只能编制本区县的赋权事项指导清单";
  if (!source) return "请选择作为依据的市级指导清单";
  if (source.kind !== "GUIDANCE") return "只能复制同一类清单的版本";
  if (source.areaUnitId === area) return null;
  // Another district's editions and the city's drafts are not the district's to see.
  if (source.areaUnitId != null || source.status !== "ISSUED") return "要复制的版本不存在";
  return null;
}

/** An edition row as the policy's subject. */
export function asEditionSubject(e: { status: EditionStatus; areaUnitId: number | null }): EditionSubject {
  return { type: "edition", status: e.status, areaUnitId: e.areaUnitId };
}
