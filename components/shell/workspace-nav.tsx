"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { cx } from "@/components/ui/cx";

export type NavEntry = { href: string; label: string; group: string };

function isActive(href: string, pathname: string): boolean {
  if (href === "/workspace") return pathname === href;
  return pathname === href || pathname.startsWith(href + "/");
}

export function WorkspaceNav({ items }: { items: NavEntry[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const groups = [...new Set(items.map((i) => i.group))];
  return (
    <>
      <button
        type="button"
        className="mb-3 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-left text-sm font-medium md:hidden"
        aria-expanded={open}
        aria-controls="workspace-nav"
        onClick={() => setOpen(!open)}
      >
        ☰ 功能菜单
      </button>
      <nav id="workspace-nav" aria-label="功能导航" className={cx("space-y-4 md:block", open ? "block" : "hidden")}>
        {groups.map((group) => (
          <div key={group || "main"}>
            {group && <p className="mb-1 px-3 text-xs font-semibold tracking-wide text-slate-600">{group}</p>}
            <ul className="space-y-0.5">
              {items
                .filter((i) => i.group === group)
                .map((item) => {
                  const active = isActive(item.href, pathname);
                  return (
                    <li key={item.href}>
                      <Link
                        href={item.href}
                        onClick={() => setOpen(false)}
                        aria-current={active ? "page" : undefined}
                        className={cx(
                          "block rounded-md px-3 py-2 text-sm",
                          active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100",
                        )}
                      >
                        {item.label}
                      </Link>
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
      </nav>
    </>
  );
}
