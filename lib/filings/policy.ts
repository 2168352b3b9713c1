import type { FilingKind, FilingStatus } from "@/lib/generated/prisma/enums";

/** A 备案 record: the district that filed it and where it stands. */
export type FilingSubject = { type: "filing"; districtId: number; status: FilingStatus };

/**
 * The subject half of the 备案 permissions (the area check has already kept a district 编办 to
 * its own district's filings, and `filing.review` is the city 编办's alone): a filing is reviewed
 * once, while it waits.
 */
export function filingAllows(_user: unknown, permission: string, subject: FilingSubject): boolean {
  switch (permission) {
    case "filing.read":
      return true;
    case "filing.review":
      return subject.status === "PENDING";
    default:
      return false;
  }
}

export const FILING_KIND_LABELS: Record<FilingKind, string> = {
  CATALOGUE_EDITION: "区县赋权事项指导清单",
  POWER_LIST: "职权清单公布",
  DEVOLUTION_ROUND: "赋权承接确认结果",
};

export const FILING_STATUS_LABELS: Record<FilingStatus, string> = {
  PENDING: "待审查",
  FILED: "已备案",
  RETURNED: "退回意见",
};

/** Where the filed object opens in the workspace. */
export function filingHref(f: { kind: FilingKind; subjectId: number; versionId: number | null }): `/${string}` {
  switch (f.kind) {
    case "CATALOGUE_EDITION":
      return `/catalogue/editions/${f.subjectId}`;
    case "POWER_LIST":
      return `/lists/manage/${f.subjectId}`;
    case "DEVOLUTION_ROUND":
      return `/devolution/rounds/${f.subjectId}`;
  }
}
