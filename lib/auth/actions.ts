"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { encode } from "next-auth/jwt";
import { z } from "zod";
import { env } from "@/lib/env";
import { prisma } from "@/lib/db/client";
import { authenticate } from "./commands";
import { throttlePolicy } from "./limits";
import { sessionCookieName, useSecureCookies } from "./options";
import { safeCallbackUrl, signInErrorMessage } from "./redirect";
import { requestMeta } from "./request-meta";

export type SignInState = { error: string | null; username: string };

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

/**
 * Sign-in as a server action, so the form is a real POST that also works before the page is
 * interactive (a native GET would put the password in the URL). Issues the same session cookie
 * next-auth reads; the session row made by authenticate() is what the cookie points to.
 */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const username = String(form.get("username") ?? "").trim().slice(0, 64);
  const parsed = credentialsSchema.safeParse({ username, password: form.get("password") ?? "" });
  if (!parsed.success) return { error: "请输入用户名和密码。", username };
  const outcome = await authenticate(prisma, parsed.data, await requestMeta(), throttlePolicy());
  if (!outcome.ok) {
    const code = outcome.retryAfterSeconds ? `${outcome.reason}:${outcome.retryAfterSeconds}` : outcome.reason;
    return { error: signInErrorMessage(code), username };
  }
  const maxAge = Math.round(env.SESSION_MAX_AGE_HOURS * 3600);
  const token = await encode({
    token: { sub: String(outcome.user.id), uid: outcome.user.id, sv: outcome.user.sessionVersion, sid: outcome.sessionId },
    secret: env.NEXTAUTH_SECRET ?? "",
    maxAge,
  });
  (await cookies()).set(sessionCookieName, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: useSecureCookies,
    maxAge,
  });
  redirect(safeCallbackUrl(String(form.get("callbackUrl") ?? "")));
}
