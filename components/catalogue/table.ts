// The shared table classes, under the name the catalogue, devolution and lists pages import them by.
export { table } from "@/components/ui/table";
