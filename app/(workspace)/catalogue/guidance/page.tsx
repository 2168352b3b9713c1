import type { Metadata } from "next";
import { EditionListPage } from "@/components/catalogue/edition-list-page";

export const metadata: Metadata = { title: "赋权事项指导清单" };

export default function GuidancePage() {
  return <EditionListPage kind="GUIDANCE" />;
}
