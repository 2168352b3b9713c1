import { DUTY_FIELDS, type DutyFieldKey } from "./fields";

/** The columns of a 属地管理事项清单 (黄陂's layout), in order, for tables, diffs and exports. */
export const DUTY_COLUMNS: { key: DutyFieldKey; label: string; width: number }[] = DUTY_FIELDS.map((f) => ({ key: f.key, label: f.label, width: f.width }));
