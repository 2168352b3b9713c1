"use client";

import { useEffect } from "react";
import { buttonClass } from "@/components/ui/cx";

/**
 * Prints the list. On a page of a longer list (`allHref` set) it opens the whole list first
 * and prints there, so the paper never holds only one page of items.
 */
export function PrintButton({ allHref }: { allHref?: string }) {
  useEffect(() => {
    if (allHref || window.location.hash !== "#print") return;
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    window.print();
  }, [allHref]);
  return (
    <button type="button" className={buttonClass.secondary} onClick={() => (allHref ? window.location.assign(`${allHref}#print`) : window.print())}>
      {allHref ? "打印全部" : "打印"}
    </button>
  );
}
