import type { Tx } from "@/lib/db/client";

/**
 * 准入 and 评议 settings 编办 can change, kept in the `setting` table. A key that was never set
 * reads as its default.
 */
export const ADMISSION_SETTINGS = {
  // The body an admission is filed with (备案机关): not 编办 itself, the level above it.
  filingAuthority: { key: "admission.filingAuthority", default: "上级编办" },
  // 评议: duties admitted less than this many months before the round opens are left out (0: none).
  appraisalExclusionMonths: { key: "appraisal.exclusionMonths", default: "6" },
} as const;

export type AdmissionSettings = { filingAuthority: string; appraisalExclusionMonths: number };

export async function readAdmissionSettings(db: Pick<Tx, "setting">): Promise<AdmissionSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.values(ADMISSION_SETTINGS).map((s) => s.key) } } });
  const get = (s: { key: string; default: string }) => rows.find((r) => r.key === s.key)?.value ?? s.default;
  return { filingAuthority: get(ADMISSION_SETTINGS.filingAuthority), appraisalExclusionMonths: Number(get(ADMISSION_SETTINGS.appraisalExclusionMonths)) };
}
