import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publicList } from "@/lib/portal/queries";
import { ListView, listFilterSchema } from "@/components/portal/list-view";
import { routeId } from "@/lib/validation";

type Props = { params: Promise<{ id: string; n: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };


export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  const id = routeId(p.id);
  const n = routeId(p.n);
  const list = id && n ? await publicList(id, n) : null;
  return { title: list ? `${list.title}（第 ${n} 版）` : "版本不存在" };
}

/** A version by number: the stable address of what was published, even after later versions. */
export default async function PublicVersionPage({ params, searchParams }: Props) {
  const p = await params;
  const id = routeId(p.id) ?? notFound();
  const n = routeId(p.n) ?? notFound();
  return <ListView listId={id} versionNo={n} filter={listFilterSchema.parse(await searchParams)} basePath={`/lists/${id}/v/${n}`} />;
}
