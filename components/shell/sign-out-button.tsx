"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login?signedOut=1" })}
      className="rounded border border-white/30 px-2 py-1 text-xs text-white hover:bg-white/10"
    >
      退出登录
    </button>
  );
}
