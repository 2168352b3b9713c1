"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useAction } from "@/components/ui/use-action";
import { buttonClass } from "@/components/ui/cx";
import { markNotificationsReadAction } from "@/lib/notifications/actions";

export function MarkReadButton() {
  const router = useRouter();
  const { run, pending, error } = useAction(markNotificationsReadAction);
  return (
    <span className="flex items-center gap-2">
      <button type="button" className={buttonClass.secondary} disabled={pending} onClick={() => run({}, () => router.refresh())}>
        {pending ? "正在处理…" : "全部标为已读"}
      </button>
      {error && <span role="alert" className="text-sm text-red-600">{error}</span>}
    </span>
  );
}

/**
 * A notification's link to its object. Once the page is interactive, opening it marks it read
 * first (so 工作台 and the list count one fewer); before that it is a plain link.
 */
export function NotificationLink({ id, href, className, children }: { id: number; href: string; className?: string; children: React.ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Link
      href={href}
      prefetch={false}
      className={className}
      aria-busy={pending || undefined}
      data-testid="notification-link"
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
        e.preventDefault();
        startTransition(async () => {
          // Opening matters more than the read mark: a failure to mark still opens the object.
          await markNotificationsReadAction({ ids: [id] }).catch(() => null);
          router.push(href);
        });
      }}
    >
      {children}
    </Link>
  );
}
