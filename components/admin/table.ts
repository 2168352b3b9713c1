import { buttonClass } from "@/components/ui/cx";

/** Classes shared by the admin tables; the wrapper scrolls sideways on phones. */
export const table = {
  wrapper: "overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm",
  table: "min-w-full divide-y divide-slate-200 text-sm",
  thead: "bg-slate-50 text-left text-xs font-semibold text-slate-600",
  th: "whitespace-nowrap px-3 py-2",
  tbody: "divide-y divide-slate-100",
  td: "px-3 py-2 align-top",
};

/** An outlined button for actions that take something away (deactivate); the filled red one confirms. */
export const dangerOutlineButton = buttonClass.secondary.replace("text-slate-700", "text-red-700").replace("hover:bg-slate-50", "hover:bg-red-50");
