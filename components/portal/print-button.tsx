"use client";

import { buttonClass } from "@/components/ui/cx";

export function PrintButton() {
  return (
    <button type="button" className={buttonClass.secondary} onClick={() => window.print()}>
      打印
    </button>
  );
}
