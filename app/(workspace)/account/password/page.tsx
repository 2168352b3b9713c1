import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "@/components/account/change-password-form";

export const metadata: Metadata = { title: "修改密码" };

export default async function PasswordPage() {
  const user = await requireUser({ allowPasswordChange: true });
  return (
    <div>
      <PageHeader title="修改密码" description={`账号：${user.username}`} />
      {user.mustChangePassword && (
        <p className="mb-6 max-w-md rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
          您正在使用管理员设置的初始密码。为了账号安全，请先设置自己的新密码，然后才能使用系统的其他功能。
        </p>
      )}
      <ChangePasswordForm />
    </div>
  );
}
