"use client";

import { useState, useTransition } from "react";

import { REQUEST_TOO_LARGE_MESSAGE } from "@/lib/uploads";

/**
 * What to show when calling an action threw instead of answering: proxy.ts refuses a body above
 * the framework cap with REQUEST_TOO_LARGE_MESSAGE as a text/plain 413, which Next.js throws as
 * the error's message; anything else (network, server crash) gets the generic message, never
 * the raw error text.
 */
export function thrownMessage(e: unknown) {
  return e instanceof Error && e.message === REQUEST_TOO_LARGE_MESSAGE ? REQUEST_TOO_LARGE_MESSAGE : "网络或系统错误，操作未完成，请重试。";
}
import type { Action } from "@/lib/forms";

/**
 * Runs a server action from a button (not a form: forms use `useActionForm` in ./form) and keeps
 * its pending state and message. The input is typed by the action's schema.
 */
export function useAction<I, R>(action: Action<I, R>) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  function run(input: I | FormData, onSuccess?: (data: R) => void | Promise<void>) {
    setError(null);
    setFieldErrors({});
    startTransition(async () => {
      try {
        const result = await action(input);
        if (result.ok) {
          await onSuccess?.(result.data);
        } else {
          setError(result.message);
          setFieldErrors(result.fieldErrors ?? {});
        }
      } catch (e) {
        setError(thrownMessage(e));
      }
    });
  }

  return { run, pending, error, fieldErrors, setError };
}

export function formObject(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((v, k) => {
    if (typeof v === "string") out[k] = v;
  });
  return out;
}
