const BASE = "http://qingdan.invalid";

/**
 * Only same-origin paths may be returned to after sign-in (no open redirects); anything else
 * goes to 工作台. Browsers drop tabs and line breaks inside a URL and read "\\" as "/", so
 * "/\t/example.org" would become "//example.org": such input is refused outright.
 */
export function safeCallbackUrl(raw: string | null | undefined, fallback = "/workspace"): string {
  if (!raw || raw.length > 2000) return fallback;
  if (/[\u0000-\u0020\u007f\\]/.test(raw)) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  if (path.startsWith("//") || path.startsWith("/login") || path.startsWith("/api/auth")) return fallback;
  return path;
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
