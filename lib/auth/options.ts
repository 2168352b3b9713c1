import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
import { signInWithPassword, signOutSession } from "./commands";
import { sessionLimits, throttlePolicy } from "./limits";
import { sameOriginPath } from "./redirect";
import { addressFrom, requestMeta } from "./request-meta";
import { liveSessionOf } from "./queries";
import { isSafeText } from "@/lib/validation";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64).refine(isSafeText),
  password: z.string().min(1).max(128).refine(isSafeText),
});

declare module "next-auth" {
  interface Session {
    uid: number;
    sv: number;
    sid: string;
  }
  interface User {
    sessionVersion: number;
    sessionId: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    sv?: number;
    sid?: string;
  }
}

/** Session cookies get the Secure flag (and next-auth's __Secure- name) when served over https. */
export const useSecureCookies = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
export const sessionCookieName = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

/** Thrown from the jwt callback when the session row has ended; next-auth then clears the cookie. */
const SESSION_ENDED = "SESSION_ENDED";

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  useSecureCookies,
  session: { strategy: "jwt", maxAge: Math.round(env.SESSION_MAX_AGE_HOURS * 3600) },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "用户名和密码",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("INVALID");
        const header = (name: string) => {
          const v = req.headers?.[name];
          return Array.isArray(v) ? v.join(",") : (v as string | undefined);
        };
        const outcome = await signInWithPassword(
          parsed.data,
          { address: addressFrom(header), userAgent: header("user-agent") ?? null },
          throttlePolicy(),
        );
        if (!outcome.ok) {
          throw new Error(outcome.retryAfterSeconds ? `${outcome.reason}:${outcome.retryAfterSeconds}` : outcome.reason);
        }
        return { id: String(outcome.user.id), sessionVersion: outcome.user.sessionVersion, sessionId: outcome.sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = user.sessionVersion;
        token.sid = user.sessionId;
        return token;
      }
      // Every read of the session (pages, actions, GET /api/auth/session) checks the server-side
      // row, so a copied cookie stops working at sign-out, and neither idle nor absolute limits
      // can be outlived by re-reading the session. Reading it does not count as activity.
      if (!(await liveSessionOf(token.sid, token.uid, sessionLimits()))) throw new Error(SESSION_ENDED);
      return token;
    },
    async session({ session, token }) {
      session.uid = token.uid ?? 0;
      session.sv = token.sv ?? -1;
      session.sid = token.sid ?? "";
      return session;
    },
    async redirect({ url, baseUrl }) {
      // Only same-origin paths (sign-out returns to /login); anything else goes to 工作台.
      const path = url.startsWith(baseUrl + "/") ? url.slice(baseUrl.length) : url;
      return baseUrl + (sameOriginPath(path) ?? "/workspace");
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid && token.uid) await signOutSession(token.uid, token.sid, await requestMeta());
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session is expected (sign-out elsewhere, idle, expired), not an error.
      if (code === "JWT_SESSION_ERROR" && (metadata as { message?: string })?.message === SESSION_ENDED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};
