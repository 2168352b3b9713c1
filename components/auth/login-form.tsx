"use client";

import { useActionState } from "react";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field, describedBy } from "@/components/ui/field";
import { signInAction, type SignInState } from "@/lib/auth/actions";

// A server action form: React renders it as method="POST", so before hydration the browser posts
// it natively (never a GET, which would put the password in the URL); after hydration React
// submits the same action.
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, { error: null, username: "" });

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="username" label="用户名">
        <input
          {...describedBy("username")}
          name="username"
          defaultValue={state.username}
          autoComplete="username"
          autoFocus
          className={inputClass}
        />
      </Field>
      <Field id="password" label="密码">
        <input {...describedBy("password")} name="password" type="password" autoComplete="current-password" className={inputClass} />
      </Field>
      {state.error && (
        <p role="alert" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error}
        </p>
      )}
      <button type="submit" disabled={pending} className={buttonClass.primary + " w-full"}>
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
