const BASE = "http://qingdan.invalid";

/**
 * The path of a same-origin relative URL, or null for anything else. Browsers drop tabs and line
 * breaks inside a URL and read "\\" as "/", so "/\t/example.org" would become "//example.org":
 * such input is refused outright.
 */
export function sameOriginPath(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 2000) return null;
  if (/[\u0000-\u0020\u007f\\]/.test(raw)) return null;
  if (!raw.startsWith("/") || raw.startsWith("//")) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? null : path;
}

/** Where to go after sign-in: a same-origin path (no open redirects), else 工作台. */
export function safeCallbackUrl(raw: string | null | undefined, fallback = "/workspace"): string {
  const path = sameOriginPath(raw);
  if (!path || path.startsWith("/login") || path.startsWith("/api/auth")) return fallback;
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
