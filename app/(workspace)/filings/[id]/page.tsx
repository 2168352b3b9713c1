import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireEntry } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { FILING_KIND_LABELS, filingHref } from "@/lib/filings/policy";
import { getFiling } from "@/lib/filings/queries";
import { FilingStatusBadge } from "@/components/filings/status";
import { FilingReviewForm } from "@/components/filings/review-form";
import { buttonClass } from "@/components/ui/cx";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "备案详情" };

export default async function FilingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireEntry("filing.read");
  const id = routeId((await params).id) ?? notFound();
  // Another district's filing is not found (the query keeps a district 编办 to its own).
  const filing = await getFiling(id, user);
  if (!filing) notFound();
  const subject = { type: "filing", districtId: filing.district.id, status: filing.status } as const;
  if (!can(user, "filing.read", subject)) notFound();
  const canReview = can(user, "filing.review", subject);

  return (
    <div className="space-y-5">
      <nav aria-label="位置" className="text-sm text-slate-500">
        <Link href="/filings" className="hover:text-brand-700 hover:underline">备案审查</Link>
        <span className="mx-1">/</span>
        <span>备案详情</span>
      </nav>
      <header className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold text-slate-900 sm:text-2xl">
            <span data-testid="filing-title">{filing.title}</span>
            <span data-testid="filing-status"><FilingStatusBadge status={filing.status} /></span>
          </h1>
          <p className="mt-1 text-sm text-slate-500">
            {FILING_KIND_LABELS[filing.kind]} · {filing.district.name} · {formatDateTime(filing.submittedAt)} 由{filing.submittedByName}报送
          </p>
        </div>
        <Link href={filingHref(filing)} className={buttonClass.secondary} data-testid="filing-subject">
          查看备案内容
        </Link>
      </header>

      <section className="rounded-lg border border-slate-200 bg-white px-4 py-2">
        <dl className="divide-y divide-slate-100 text-sm">
          <Row label="备案类别">{FILING_KIND_LABELS[filing.kind]}</Row>
          <Row label="报送区县">{filing.district.name}</Row>
          <Row label="报送人">{filing.submittedByName}</Row>
          <Row label="报送时间">{formatDateTime(filing.submittedAt)}</Row>
          <Row label="审查结果"><FilingStatusBadge status={filing.status} /></Row>
          {filing.reviewedAt && <Row label="审查人">{filing.reviewedByName}（{formatDateTime(filing.reviewedAt)}）</Row>}
          {filing.opinion && (
            <Row label="审查意见">
              <span className="whitespace-pre-line" data-testid="filing-opinion">{filing.opinion}</span>
            </Row>
          )}
        </dl>
      </section>

      {canReview && <FilingReviewForm id={filing.id} />}
    </div>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[8rem_1fr] sm:gap-4">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-800">{children}</dd>
    </div>
  );
}
