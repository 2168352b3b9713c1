// Moved to components/ui; this path stays so existing imports keep working.
export { FormError, Notice } from "@/components/ui/form-messages";
