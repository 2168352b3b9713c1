"use client";

import { useRouter } from "next/navigation";
import { deleteEditionAction, issueEditionAction } from "@/lib/catalogue/actions";
import { buttonClass } from "@/components/ui/cx";
import { useAction } from "@/components/ui/use-action";
import { ConfirmButton } from "@/components/ui/confirm-button";

export function IssueEditionButton({ edition, compact = false }: { edition: { id: number; title: string; items: number }; compact?: boolean }) {
  const router = useRouter();
  const { run, pending, error } = useAction(issueEditionAction);
  return (
    <span className="inline-flex flex-col gap-1">
      <ConfirmButton
        title="发布这个版本？"
        message={
          <>
            <p>
              发布后，「{edition.title}」的 {edition.items} 个事项将<strong className="text-slate-900">不能再修改、删除或导入</strong>，
              各部门、街道即可查看。
            </p>
            <p>如需调整，只能基于它新建版本。</p>
          </>
        }
        confirmLabel="确认发布"
        tone="primary"
        pending={pending}
        pendingLabel="正在发布…"
        disabled={edition.items === 0}
        className={compact ? buttonClass.small : buttonClass.primary}
        testId={`issue-edition-${edition.id}`}
        onConfirm={() => run({ id: edition.id }, () => router.refresh())}
      >
        发布
      </ConfirmButton>
      {edition.items === 0 && !compact && <span className="text-xs text-slate-500">版本中还没有事项，暂不能发布</span>}
      {error && (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      )}
    </span>
  );
}

export function DeleteEditionButton({ edition, listPath }: { edition: { id: number; title: string; items: number }; listPath: string }) {
  const router = useRouter();
  const { run, pending, error } = useAction(deleteEditionAction);
  return (
    <span className="inline-flex flex-col gap-1">
      <ConfirmButton
        title="删除这个草稿？"
        message={
          <p>
            将删除草稿「{edition.title}」及其中的 {edition.items} 个事项和导入记录，删除后不能恢复。
          </p>
        }
        confirmLabel="确认删除"
        pending={pending}
        pendingLabel="正在删除…"
        testId={`delete-edition-${edition.id}`}
        onConfirm={() => run({ id: edition.id }, () => router.push(listPath))}
      >
        删除草稿
      </ConfirmButton>
      {error && (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      )}
    </span>
  );
}
