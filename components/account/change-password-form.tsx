"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { changePasswordAction } from "@/lib/account/actions";
import { PASSWORD_HINT } from "@/lib/auth/password-rule";
import { changePasswordSchema } from "@/lib/account/schema";
import { inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";

export function ChangePasswordForm() {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const hint = PASSWORD_HINT;
  const form = useActionForm(changePasswordAction, {
    schema: changePasswordSchema,
    onSuccess: async ({ username }) => {
      setDone(true);
      const password = form.formProps.ref.current ? String(new FormData(form.formProps.ref.current).get("newPassword") ?? "") : "";
      // The change signs out every session; sign this one back in with the new password.
      if (password) await signIn("credentials", { username, password, redirect: false });
      router.replace("/workspace?passwordChanged=1");
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = form;

  return (
    <form {...form.formProps} className="max-w-md space-y-4" noValidate>
      <Field id="currentPassword" label="当前密码" error={fieldErrors.currentPassword} required>
        <input {...form.field("currentPassword")} type="password" autoComplete="current-password" className={inputClass} />
      </Field>
      <Field id="newPassword" label="新密码" error={fieldErrors.newPassword} hint={hint} required>
        <input {...form.field("newPassword", hint)} type="password" autoComplete="new-password" className={inputClass} />
      </Field>
      <Field id="confirmPassword" label="再次输入新密码" error={fieldErrors.confirmPassword} required>
        <input {...form.field("confirmPassword")} type="password" autoComplete="new-password" className={inputClass} />
      </Field>
      <FormError message={error} />
      {done && <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700">密码已修改。</p>}
      <SubmitButton pending={pending} pendingLabel="正在保存…">修改密码</SubmitButton>
    </form>
  );
}
