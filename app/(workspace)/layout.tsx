import Link from "next/link";
import { Suspense } from "react";
import { requireUser } from "@/lib/auth/session";
import { cachedDemoPasswordsInUse } from "@/lib/auth/demo-passwords";
import { prisma } from "@/lib/db/client";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { navigationFor } from "@/lib/navigation";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { WorkspaceNav } from "@/components/shell/workspace-nav";

export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser({ allowPasswordChange: true });
  const nav = user.mustChangePassword ? [] : navigationFor(user).map(({ href, label, group }) => ({ href, label, group }));
  const demoInUse = user.roles.includes("BIANBAN_ADMIN") ? await cachedDemoPasswordsInUse(prisma) : [];
  return (
    <div className="min-h-screen">
      <header className="no-print bg-brand-800 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/workspace" className="flex items-baseline gap-2">
            <span className="text-lg font-bold tracking-wide">清单</span>
            <span className="hidden text-sm text-white/70 sm:inline">街道职权清单管理系统</span>
          </Link>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="user-badge">
            <span className="font-medium">{user.displayName}</span>
            <span className="text-white/70">{user.unitName}</span>
            <span className="rounded bg-white/15 px-1.5 py-0.5 text-xs">{user.roles.map((r) => ROLE_LABELS[r]).join("、")}</span>
            <Link href="/account/password" className="text-xs text-white/80 hover:text-white hover:underline">
              修改密码
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      {demoInUse.length > 0 && (
        <div data-testid="demo-password-banner" className="no-print border-b border-amber-300 bg-amber-50 text-amber-900">
          <p className="mx-auto max-w-7xl px-4 py-2 text-sm">
            安全提醒：{demoInUse.length} 个演示账号（{demoInUse.join("、")}）仍在使用公开的演示密码，任何人都能登录。正式使用前请在
            <Link href="/admin/users" className="mx-1 font-medium underline">用户管理</Link>
            中重置这些账号的密码或停用它们。
          </p>
        </div>
      )}
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
        {nav.length > 0 && (
          <aside className="no-print md:w-52 md:shrink-0">
            <Suspense>
              <WorkspaceNav items={nav} />
            </Suspense>
          </aside>
        )}
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
