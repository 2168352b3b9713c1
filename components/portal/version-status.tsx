"use client";
import Link from "next/link";
import { useEffect, useState } from "react";

/**
 * Whether a version of a list is 现行, still to take effect, or historical. It changes as days
 * pass and versions are published, so a page that names its version (`/lists/{id}/v/{n}`,
 * `?v=N`), cached for a year, does not carry it: the browser asks
 * `/api/public/lists/{id}/versions`, which is cached for seconds. A current page knows it on the
 * server and renders the same markup there.
 */
export type VersionState = { currentVersion: number | null; versions: { number: number; notice?: string }[] };

type Part = "note" | "label" | "itemLabel";

/** The status of `versionNo` in `state`: pure, for the server and the browser alike. */
export function VersionStatusView({ listId, versionNo, state, part }: { listId: number; versionNo: number; state: VersionState; part: Part }) {
  const current = state.currentVersion;
  const notice = state.versions.find((x) => x.number === versionNo)?.notice;
  if (part === "label") return <>{versionNo === current ? "（现行）" : notice ? `（${notice}）` : ""}</>;
  if (part === "itemLabel") return <>{versionNo === current ? "（现行）" : notice ? `（${notice}）` : current !== null ? `（历史版本，现行为第 ${current} 版）` : ""}</>;
  const toCurrent = (
    <Link href={`/lists/${listId}`} className="font-medium underline">
      查看现行版本
    </Link>
  );
  if (notice)
    return (
      <p role="note" className="mt-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="upcoming-note">
        第 {versionNo} 版已公布，{notice}。
        {current !== null ? <>施行前以现行第 {current} 版为准。 {toCurrent}</> : null}
      </p>
    );
  if (versionNo !== current && current !== null)
    return (
      <p role="note" className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="historical-note">
        这是第 {versionNo} 版（历史版本），现行为第 {current} 版。 {toCurrent}
      </p>
    );
  // In force: a later version already published that has not taken effect yet.
  const next = state.versions.filter((x) => x.number > versionNo && x.notice).sort((a, b) => a.number - b.number)[0];
  if (!next) return null;
  return (
    <p role="note" className="mt-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="upcoming-note">
      第 {next.number} 版已公布，{next.notice}。{" "}
      <Link href={`/lists/${listId}/v/${next.number}`} className="font-medium underline">
        查看第 {next.number} 版
      </Link>
    </p>
  );
}

// One request per list and page, however many parts of the page show the status.
const requests = new Map<number, Promise<VersionState | null>>();

function fetchState(listId: number): Promise<VersionState | null> {
  let request = requests.get(listId);
  if (!request) {
    request = fetch(`/api/public/lists/${listId}/versions`)
      .then((r) => (r.ok ? (r.json() as Promise<VersionState>) : null))
      .catch(() => null);
    requests.set(listId, request);
  }
  return request;
}

/** The status on a page that names its version: empty until the browser has asked. */
export function PinnedVersionStatus({ listId, versionNo, part }: { listId: number; versionNo: number; part: Part }) {
  const [state, setState] = useState<VersionState | null>(null);
  useEffect(() => {
    let live = true;
    void fetchState(listId).then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [listId]);
  return state ? <VersionStatusView listId={listId} versionNo={versionNo} state={state} part={part} /> : null;
}
