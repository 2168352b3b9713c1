import { limitsOf } from "@/lib/forms";
import { removeDutySchema } from "@/lib/local-duties/schema";
import { dutyLabels, dutyValuesOf } from "@/lib/local-duties/fields";
import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { unitInArea } from "@/lib/auth/scope";
import { requirePermission } from "@/lib/auth/session";
import { manageView } from "@/lib/local-duties/queries";
import { activeDepartments } from "@/lib/devolution/queries";
import { removeDutyAction } from "@/lib/local-duties/actions";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/cx";
import { ReasonForm } from "@/components/lists/reason-form";
import { DutyForm } from "@/components/local-duties/duty-form";
import { DutyImport } from "@/components/local-duties/duty-import";
import { PublishDutiesForm } from "@/components/local-duties/publish-duties-form";
import { formatDate, formatDateText } from "@/lib/format";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "维护属地管理事项清单" };

export default async function ManageLocalDutiesPage({ params }: { params: Promise<{ unitId: string }> }) {
  const user = await requirePermission("localDuty.manage");
  const unitId = routeId((await params).unitId) ?? notFound();
  if (!unitInArea(user, unitId)) forbidden();
  const data = await manageView(unitId);
  if (!data) notFound();
  const { unit, duties, latest, pending, changes } = data;
  const departments = await activeDepartments();
  const active = duties.filter((d) => d.active);
  const removed = duties.filter((d) => !d.active);
  // A community's list says 社区职责; the departments' duties are named by their own level.
  const labels = dutyLabels(unit.kind, active.map((d) => d.departmentLevel));

  return (
    <div className="space-y-6">
      <div>
        <p className="mb-1 text-sm">
          <Link href="/local-duties" className={buttonClass.link}>
            ← 属地管理事项清单
          </Link>
        </p>
        <PageHeader
          title={`${unit.name}属地管理事项清单`}
          description={
            <span className="flex flex-wrap items-center gap-2">
              {unit.parent?.name && <span>{unit.parent.name}</span>}
              {latest ? (
                <Link href={`/local-duties/${unit.id}`} className={buttonClass.link} target="_blank">
                  现行第 {latest.versionNo} 版（{formatDateText(latest.publishedAt)}公布）
                </Link>
              ) : (
                <Badge tone="amber">尚未公布</Badge>
              )}
              {/* Never published: only whether there is something to publish, not "same as the version in force". */}
              {pending ? <Badge tone="amber">有未公布的修改</Badge> : latest && <Badge tone="green">与现行版本一致</Badge>}
            </span>
          }
        />
      </div>

      <p className="text-sm text-slate-600">
        这里维护准入制度建立前已由本单位承担的存量事项：添加、修改、移出后，点「公布新版本」才对外生效；已公布的版本不会改变。经准入程序进入清单的事项以准入决定为准，不在此修改，撤销须经年度评议。
      </p>

      {pending && (
        <section aria-labelledby="publish-heading" className="rounded-lg border border-amber-200 bg-amber-50 p-4" data-testid="publish-duties">
          <h2 id="publish-heading" className="mb-2 font-semibold text-amber-900">
            公布新版本（第 {(latest?.versionNo ?? 0) + 1} 版，{active.length} 项）
          </h2>
          <p className="mb-3 text-sm text-amber-900" data-testid="publish-duties-changes">
            {latest ? `与现行第 ${latest.versionNo} 版相比：新增 ${changes.added} 项、修改 ${changes.changed} 项、移出 ${changes.removed} 项。` : `首次公布，共 ${active.length} 项。`}
          </p>
          <div className="max-w-xl">
            <PublishDutiesForm unitId={unit.id} unitName={unit.name} versionNo={(latest?.versionNo ?? 0) + 1} itemCount={active.length} counts={changes} />
          </div>
        </section>
      )}

      <section aria-labelledby="duties-heading">
        <h2 id="duties-heading" className="mb-3 text-lg font-semibold">
          清单事项（{active.length} 项）
        </h2>
        {active.length === 0 ? (
          <EmptyState title="清单中还没有事项">可以在下方添加本单位已承担的存量事项，或等待准入事项备案后自动进入。</EmptyState>
        ) : (
          <ol className="space-y-3" data-testid="manage-duties">
            {active.map((d, i) => (
              <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-4" data-duty-name={d.name}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <p className="font-medium">
                      {i + 1}. {d.name} <Badge>{d.dutyType}</Badge>{" "}
                      {d.admission ? (
                        <Link href={`/admission/${d.admission.id}`} className="text-xs text-brand-700 hover:underline">
                          准入 {d.admission.code}
                        </Link>
                      ) : (
                        <Badge tone="blue">存量事项</Badge>
                      )}
                    </p>
                    <p className="mt-1 text-xs text-slate-500">
                      {d.departmentName} · 主体责任：{d.leadResponsibility} · 配合责任：{d.supportResponsibility}
                    </p>
                  </div>
                </div>
                <dl className="mt-2 grid gap-2 text-sm md:grid-cols-2">
                  <div>
                    <dt className="text-xs text-slate-500">{d.departmentLevel ? `${d.departmentLevel}部门职责` : "部门职责"}</dt>
                    <dd className="whitespace-pre-line">{d.departmentDuty}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">{labels.localDuty}</dt>
                    <dd className="whitespace-pre-line">{d.localDuty}</dd>
                  </div>
                  <div className="md:col-span-2">
                    <dt className="text-xs text-slate-500">{labels.legalBasis}</dt>
                    <dd className="whitespace-pre-line">{d.legalBasis}</dd>
                  </div>
                </dl>
                {!d.admission && (
                  <div className="mt-3 flex flex-wrap gap-3">
                    <details className="w-full rounded-md border border-slate-200 p-3">
                      <summary className="cursor-pointer text-sm font-medium text-brand-700">修改「{d.name}」</summary>
                      <div className="mt-3">
                        <DutyForm
                          unitId={unit.id}
                          edit={{ id: d.id, stamp: d.stamp }}
                          departments={departments}
                          testId={`edit-duty-${d.id}`}
                          labels={labels}
                          defaults={{
                            ...dutyValuesOf(d),
                            departmentId: d.departmentId ? String(d.departmentId) : "",
                            departmentName: d.departmentId ? "" : d.departmentName,
                          }}
                        />
                      </div>
                    </details>
                    <details className="w-full rounded-md border border-slate-200 p-3">
                      <summary className="cursor-pointer text-sm font-medium text-red-700">移出清单</summary>
                      <div className="mt-3 max-w-xl">
                        <ReasonForm action={removeDutyAction} input={{ id: d.id, stamp: d.stamp }} field="reason" limits={limitsOf(removeDutySchema, "reason")} label="移出理由" submitLabel="移出清单" danger testId={`remove-duty-${d.id}`} />
                      </div>
                    </details>
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="import-heading" className="rounded-lg border border-brand-100 bg-white p-5 shadow-sm">
        <h2 id="import-heading" className="mb-3 text-lg font-semibold">
          从表格导入
        </h2>
        <DutyImport unitId={unit.id} />
      </section>

      <section aria-labelledby="add-heading" className="rounded-lg border border-brand-100 bg-white p-5 shadow-sm">
        <h2 id="add-heading" className="mb-3 text-lg font-semibold">
          添加存量事项
        </h2>
        <DutyForm unitId={unit.id} departments={departments} labels={labels} testId="add-duty" />
      </section>

      {removed.length > 0 && (
        <section aria-labelledby="removed-heading">
          <h2 id="removed-heading" className="mb-3 text-lg font-semibold">
            已移出的事项（{removed.length} 项）
          </h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
            {removed.map((d) => (
              <li key={d.id} className="px-4 py-3">
                <p className="font-medium text-slate-700">{d.name}</p>
                <p className="text-xs text-slate-500">
                  {d.departmentName} · {d.revokedOn ? `${formatDate(d.revokedOn)} 移出` : "已移出"}
                  {d.revokedReason && ` · 理由：${d.revokedReason}`}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
