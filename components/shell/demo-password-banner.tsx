import Link from "next/link";
import { cachedDemoPasswordsInUse } from "@/lib/auth/demo-passwords";

/** Shown to 编办 administrators while demo accounts can still be signed into with the published password. */
export async function DemoPasswordBanner() {
  const inUse = await cachedDemoPasswordsInUse();
  if (inUse.length === 0) return null;
  return (
    <div data-testid="demo-password-banner" className="no-print border-b border-amber-300 bg-amber-50 text-amber-900">
      <p className="mx-auto max-w-7xl px-4 py-2 text-sm">
        安全提醒：{inUse.length} 个演示账号（{inUse.join("、")}）仍在使用公开的演示密码，任何人都能登录。正式使用前请在
        <Link href="/admin/users" className="mx-1 font-medium underline">
          用户管理
        </Link>
        中重置这些账号的密码或停用它们。
      </p>
    </div>
  );
}
