import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
import { prisma } from "@/lib/db/client";
import { authenticate } from "./commands";
import { addressFrom } from "./request-meta";
import { DEFAULT_POLICY } from "./throttle";
import { isSafeText } from "@/lib/validation";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64).refine(isSafeText),
  password: z.string().min(1).max(128).refine(isSafeText),
});

declare module "next-auth" {
  interface Session {
    uid: number;
    sv: number;
  }
  interface User {
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    sv?: number;
  }
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
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
        const outcome = await authenticate(
          prisma,
          parsed.data,
          { address: addressFrom(header), userAgent: header("user-agent") ?? null },
          {
            ...DEFAULT_POLICY,
            maxAccountFailures: env.QINGDAN_LOGIN_MAX_FAILURES,
            lockMinutes: env.QINGDAN_LOGIN_LOCK_MINUTES,
            maxAddressFailures: env.QINGDAN_ADDRESS_MAX_FAILURES,
          },
        );
        if (!outcome.ok) {
          throw new Error(outcome.retryAfterSeconds ? `${outcome.reason}:${outcome.retryAfterSeconds}` : outcome.reason);
        }
        return { id: String(outcome.user.id), sessionVersion: outcome.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = user.sessionVersion;
      }
      return token;
    },
    async session({ session, token }) {
      session.uid = token.uid ?? 0;
      session.sv = token.sv ?? -1;
      return session;
    },
  },
};
