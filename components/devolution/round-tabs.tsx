"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/cx";

export type RoundTab = { href: string; label: string; exact?: boolean };

/** The sub-pages of a round; scrolls sideways on a phone. */
export function RoundTabs({ tabs }: { tabs: RoundTab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="本轮功能" className="no-print mb-5 overflow-x-auto border-b border-slate-200">
      <ul className="flex min-w-max gap-1">
        {tabs.map((t) => {
          const active = t.exact ? pathname === t.href : pathname === t.href || pathname.startsWith(`${t.href}/`);
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "block whitespace-nowrap border-b-2 px-3 py-2 text-sm",
                  active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
