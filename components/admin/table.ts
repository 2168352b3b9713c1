import { buttonClass } from "@/components/ui/cx";

// The shared table classes, under the name the admin pages import them by.
export { table } from "@/components/ui/table";

/** An outlined button for actions that take something away (deactivate); the filled red one confirms. */
export const dangerOutlineButton = buttonClass.secondary.replace("text-slate-700", "text-red-700").replace("hover:bg-slate-50", "hover:bg-red-50");
