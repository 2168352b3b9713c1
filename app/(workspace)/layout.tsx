import Link from "next/link";
import { Suspense } from "react";
import { requireUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { navigationFor } from "@/lib/navigation";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { DemoPasswordBanner } from "@/components/shell/demo-password-banner";
import { WorkspaceNav } from "@/components/shell/workspace-nav";

export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser({ allowPasswordChange: true });
  const nav = user.mustChangePassword ? [] : navigationFor(user).map(({ href, label, group }) => ({ href, label, group }));
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
      {/* Streams in without holding up the page: the first check after a start hashes once. */}
      {user.roles.includes("BIANBAN_ADMIN") && (
        <Suspense>
          <DemoPasswordBanner />
        </Suspense>
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
