"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { ERROR_MESSAGES } from "@/lib/errors";
import { formDataToInput, JSON_FIELD, limitsOf, oversizedFile, type Action, type FieldLimits, type FormState } from "@/lib/forms";
import { buttonClass } from "./cx";
import { describedBy } from "./field";

/** Field names a form may use: the action's own fields, or a dotted path into a nested one. */
export type FieldName<I> = (I extends unknown ? Extract<keyof I, string> : never) | `${string}.${string}`;

type Options<R> = {
  /** The action's zod schema, so inputs take their limits (maxLength, required) from it. */
  schema?: unknown;
  /**
   * Runs once per successful submission, also after a submission made before hydration. `form`
   * is what was submitted (null after a submission made before hydration).
   */
  onSuccess?: (data: R, form: FormData | null) => void | Promise<void>;
  /** Clears the form's fields after a success (e.g. "add another" forms). */
  resetOnSuccess?: boolean;
  /**
   * Asks before submitting (a confirmation dialog): called with the form's data once the schema
   * accepts it, and `proceed` submits. Input the schema refuses is submitted at once, so the
   * server's field errors show instead of a dialog about a form that cannot succeed. (Before
   * hydration the form posts without asking; the server still checks everything.)
   */
  confirm?: (data: FormData, proceed: () => void) => void;
};

/**
 * The one way a form submits: a React form action over the server action, so a click before the
 * page is interactive posts the form natively (never a GET with the fields in the URL), and once
 * hydrated the same action runs without a reload and without React clearing the fields on error.
 * Field errors come from the server; limits come from the schema.
 */
export function useActionForm<I, R>(action: Action<I, R>, options: Options<R> = {}) {
  const [state, formAction, pending] = useActionState<FormState<R>, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const handled = useRef<FormState<R>>(null);
  const submitted = useRef<FormData | null>(null);
  const latest = useRef(options);
  // A file over its field's limit, found before sending (shown like the server's field error).
  const [tooLarge, setTooLarge] = useState<{ field: string; message: string } | null>(null);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    if (!state || state === handled.current) return;
    handled.current = state;
    if (state.ok) {
      if (latest.current.resetOnSuccess) formRef.current?.reset();
      void latest.current.onSuccess?.(state.data, submitted.current);
    }
  }, [state]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter ?? undefined);
    const { confirm, schema } = latest.current;
    // Megabytes the server would refuse are not sent (the server checks again). Without this a
    // file far above the limit was only answered after the whole upload.
    const big = schema ? oversizedFile(schema, data) : null;
    setTooLarge(big);
    if (big) return;
    submitted.current = data;
    const send = () => startTransition(() => formAction(data));
    if (!confirm) return send();
    void (async () => {
      const check = schema as { safeParse?: (v: unknown) => { success: boolean } } | undefined;
      const valid = check?.safeParse ? check.safeParse(await formDataToInput(schema, data)).success : true;
      if (valid) confirm(data, send);
      else send();
    })();
  }

  /** Submits values that are not (only) in the form's fields, e.g. a button outside a form. */
  function submit(values: Record<string, unknown>) {
    const data = new FormData();
    data.set(JSON_FIELD, JSON.stringify(values));
    setTooLarge(null);
    submitted.current = data;
    startTransition(() => formAction(data));
  }

  const failed = tooLarge
    ? { message: ERROR_MESSAGES.VALIDATION, fieldErrors: { [tooLarge.field]: tooLarge.message } }
    : state && !state.ok
      ? state
      : null;
  const fieldErrors: Record<string, string> = failed?.fieldErrors ?? {};
  const errorCount = Object.keys(fieldErrors).length;
  const error = failed ? (errorCount > 1 ? `${failed.message}（共 ${errorCount} 处）` : failed.message) : null;

  /** Props for an input bound to one field: name, id, aria links to its error/hint, limits. */
  function field(name: FieldName<I>, hint?: string, id: string = name) {
    const limits = options.schema ? limitsOf(options.schema, name) : null;
    return {
      ...describedBy(id, fieldErrors[name], hint),
      name,
      ...(limits?.maxLength != null ? { maxLength: limits.maxLength } : {}),
      ...(limits?.min != null ? { min: limits.min } : {}),
      ...(limits?.max != null ? { max: limits.max } : {}),
    };
  }

  return {
    state,
    pending,
    error,
    fieldErrors,
    ok: !tooLarge && state?.ok === true,
    data: state?.ok ? state.data : undefined,
    submit,
    field,
    /** Spread on the <form>: the form action (works before hydration) and the hydrated submit. */
    formProps: { ref: formRef, action: formAction, onSubmit },
  };
}

/** Limits read on the server (a schema cannot cross into a client component as a prop). */
export function limitProps(limits: FieldLimits | undefined) {
  if (!limits) return {};
  return {
    ...(limits.maxLength != null ? { maxLength: limits.maxLength } : {}),
    ...(limits.min != null ? { min: limits.min } : {}),
    ...(limits.max != null ? { max: limits.max } : {}),
  };
}

type Hidden = string | number | boolean | null | undefined;

/**
 * Hidden inputs for ids and stamps the form carries (numbers and strings). A list (e.g. the ids
 * picked in a table) becomes one input per value under the same name, which `formDataToInput`
 * reads back as an array, so a bulk form posts its selection natively too.
 */
export function HiddenFields({ values }: { values: Record<string, Hidden | readonly Hidden[]> }) {
  return (
    <>
      {Object.entries(values).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((v: Hidden, i: number) =>
          v === undefined || v === null ? null : <input key={`${name}.${i}`} type="hidden" name={name} value={String(v)} />,
        ),
      )}
    </>
  );
}

/** A hidden field carrying structured state (bulk tables, previews) as JSON. */
export function JsonField({ value }: { value: unknown }) {
  return <input type="hidden" name={JSON_FIELD} value={JSON.stringify(value)} />;
}

export function SubmitButton({
  pending,
  pendingLabel = "正在提交…",
  className = buttonClass.primary,
  children,
  disabled,
  ...rest
}: { pending: boolean; pendingLabel?: string; children: React.ReactNode } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="submit" className={className} {...rest} disabled={pending || disabled} aria-busy={pending || undefined}>
      {pending ? pendingLabel : children}
    </button>
  );
}
