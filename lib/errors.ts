/** The closed set of failures an action can report; the UI shows the Chinese message. */
export const ERROR_MESSAGES = {
  UNAUTHENTICATED: "请先登录。",
  FORBIDDEN: "您没有权限进行此操作。",
  PASSWORD_CHANGE_REQUIRED: "请先修改初始密码。",
  VALIDATION: "填写的内容有误，请按提示修改。",
  NOT_FOUND: "要操作的对象不存在或已被删除。",
  CONFLICT: "数据已被他人修改，请刷新后重试。",
  DUPLICATE: "已存在相同的记录。",
  LOCKED: "该对象已锁定，不能修改。",
  INVALID_STATE: "当前状态下不能进行此操作。",
  RATE_LIMITED: "操作过于频繁，请稍后再试。",
  BAD_FILE: "文件无法读取。",
  INTERNAL: "系统出现错误，请稍后重试；如持续出现请联系管理员。",
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = "AppError";
  }
}

export type ActionFailure = {
  ok: false;
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string>;
};
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export function failure(code: ErrorCode, message?: string, fieldErrors?: Record<string, string>): ActionFailure {
  return { ok: false, code, message: message ?? ERROR_MESSAGES[code], ...(fieldErrors ? { fieldErrors } : {}) };
}
