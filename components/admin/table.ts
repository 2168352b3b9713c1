// Generic pieces now live in components/ui; this path stays so existing imports keep working.
export { table } from "@/components/ui/table";
export { dangerOutlineButton } from "@/components/ui/cx";
