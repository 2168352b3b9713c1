/** The one message a form shows when its action failed (field errors sit next to their fields). */
export function FormError({ message, testId }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid={testId} className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}

export function FormSuccess({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return (
    <p role="status" data-testid={testId} className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700">
      {children}
    </p>
  );
}

export function Notice({ tone = "green", children, testId }: { tone?: "green" | "amber" | "blue"; children: React.ReactNode; testId?: string }) {
  const tones = {
    green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
    amber: "bg-amber-50 text-amber-900 ring-amber-200",
    blue: "bg-brand-50 text-brand-800 ring-brand-100",
  };
  return (
    <div role="status" data-testid={testId} className={`rounded-md px-3 py-2 text-sm ring-1 ring-inset ${tones[tone]}`}>
      {children}
    </div>
  );
}
