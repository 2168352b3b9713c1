/** Only same-site paths may be returned to after sign-in (no open redirects). */
export function safeCallbackUrl(raw: string | null | undefined, fallback = "/workspace"): string {
  if (!raw) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (raw.startsWith("/login") || raw.startsWith("/api/auth")) return fallback;
  return raw;
}

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  const [reason, seconds] = code.split(":");
  switch (reason) {
    case "LOCKED":
      return "登录失败次数过多，账号已暂时锁定。请 15 分钟后再试，或联系管理员解锁。";
    case "RATE_LIMITED":
      return `尝试次数过多，请 ${seconds ?? "稍"} 秒后再试。`;
    case "INVALID":
    case "CredentialsSignin":
      return "用户名或密码错误。";
    default:
      return "登录失败，请稍后重试。";
  }
}
