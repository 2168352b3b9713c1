/** 拒绝权 register: the outcome of a task and of its check against admitted duties. */
export const STATUS_LABELS = { REGISTERED: "待处理", ACCEPTED: "已承接", REFUSED: "已拒绝" } as const;
export const STATUS_TONES = { REGISTERED: "blue", ACCEPTED: "green", REFUSED: "red" } as const;
export const CHECK_LABELS = { ADMITTED: "已准入", NOT_ADMITTED: "未经准入" } as const;
