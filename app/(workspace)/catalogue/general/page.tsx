import type { Metadata } from "next";
import { EditionListPage } from "@/components/catalogue/edition-list-page";

export const metadata: Metadata = { title: "通用权责清单" };

export default function GeneralPage() {
  return <EditionListPage kind="GENERAL" />;
}
