"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { changePasswordAction } from "@/lib/account/actions";
import { PASSWORD_HINT } from "@/lib/auth/password-rule";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field, describedBy } from "@/components/ui/field";
import { formObject, useAction } from "@/components/ui/use-action";

export function ChangePasswordForm() {
  const router = useRouter();
  const { run, pending, error, fieldErrors } = useAction(changePasswordAction);
  const [done, setDone] = useState(false);
  const hint = PASSWORD_HINT;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formObject(event.currentTarget);
    run(values as { currentPassword: string; newPassword: string; confirmPassword: string }, async ({ username }) => {
      setDone(true);
      // The change signs out every session; sign this one back in with the new password.
      await signIn("credentials", { username, password: values.newPassword, redirect: false });
      router.replace("/workspace?passwordChanged=1");
      router.refresh();
    });
  }

  return (
    // method="post": a click before hydration must not put the passwords in the URL.
    <form onSubmit={onSubmit} method="post" className="max-w-md space-y-4" noValidate>
      <Field id="currentPassword" label="当前密码" error={fieldErrors.currentPassword} required>
        <input {...describedBy("currentPassword", fieldErrors.currentPassword)} type="password" autoComplete="current-password" className={inputClass} />
      </Field>
      <Field id="newPassword" label="新密码" error={fieldErrors.newPassword} hint={hint} required>
        <input {...describedBy("newPassword", fieldErrors.newPassword, hint)} type="password" autoComplete="new-password" className={inputClass} />
      </Field>
      <Field id="confirmPassword" label="再次输入新密码" error={fieldErrors.confirmPassword} required>
        <input {...describedBy("confirmPassword", fieldErrors.confirmPassword)} type="password" autoComplete="new-password" className={inputClass} />
      </Field>
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      {done && <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700">密码已修改。</p>}
      <button type="submit" disabled={pending} className={buttonClass.primary}>
        {pending ? "正在保存…" : "修改密码"}
      </button>
    </form>
  );
}
