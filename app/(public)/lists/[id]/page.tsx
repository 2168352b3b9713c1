import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publicList } from "@/lib/portal/queries";
import { ListView, listFilterSchema } from "@/components/portal/list-view";
import { routeId } from "@/lib/validation";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = routeId((await params).id);
  const list = id ? await publicList(id) : null;
  return { title: list ? list.title : "清单不存在" };
}

export default async function PublicListPage({ params, searchParams }: Props) {
  const id = routeId((await params).id) ?? notFound();
  return <ListView listId={id} versionNo={null} filter={listFilterSchema.parse(await searchParams)} basePath={`/lists/${id}`} />;
}
