import Link from "next/link";
import { redirect } from "next/navigation";
import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackUrl, signInErrorMessage } from "@/lib/auth/redirect";

export const metadata: Metadata = { title: "登录" };
export const dynamic = "force-dynamic";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; signedOut?: string }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const user = await getCurrentUser();
  if (user) redirect(callbackUrl);
  const error = signInErrorMessage(params.error);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <Link href="/" className="text-3xl font-bold text-brand-700">
            清单
          </Link>
          <p className="mt-1 text-sm text-slate-500">街道职权清单管理系统 · 工作人员登录</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          {params.signedOut && <p className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700">您已安全退出。</p>}
          {error && <p className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
          <LoginForm callbackUrl={callbackUrl} />
        </div>
        <p className="mt-6 text-center text-sm text-slate-500">
          公众查询无需登录：<Link href="/" className="text-brand-600 hover:underline">查看已公布的清单</Link>
        </p>
      </div>
    </main>
  );
}
