"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { OrgKind } from "@/lib/generated/prisma/enums";
import { createUnitAction, moveUnitAction, updateUnitAction } from "@/lib/units/actions";
import { createUnitSchema, moveUnitSchema, updateUnitSchema } from "@/lib/units/schema";
import { placementProblem } from "@/lib/units/tree";
import { ALLOWED_PARENT_KINDS, ORG_KIND_LABELS, ORG_KINDS } from "@/lib/auth/roles";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError, FormSuccess } from "@/components/ui/form-messages";
import { canHaveChildren, type UnitOption } from "./unit-options";

const codeHint = "可不填。6、9 或 12 位行政区划代码，或 18 位统一社会信用代码";
const jointHint = "联席会议成员单位参与准入事项的联合审核，其账号可设为「联席会议成员单位」角色。";

function kindsUnder(parentKind: OrgKind | null): OrgKind[] {
  return ORG_KINDS.filter((k) => ALLOWED_PARENT_KINDS[k].includes(parentKind));
}

function JointMemberCheckbox({ defaultChecked, error }: { defaultChecked?: boolean; error?: string }) {
  return (
    <div className="space-y-1">
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          id="jointMeetingMember"
          name="jointMeetingMember"
          type="checkbox"
          defaultChecked={defaultChecked}
          aria-describedby={error ? "jointMeetingMember-error" : "jointMeetingMember-hint"}
          className="mt-0.5 h-4 w-4 rounded border-slate-300"
        />
        <span>联席会议成员单位</span>
      </label>
      {error ? (
        <p id="jointMeetingMember-error" role="alert" className="text-xs text-red-600">{error}</p>
      ) : (
        <p id="jointMeetingMember-hint" className="text-xs text-slate-500">{jointHint}</p>
      )}
    </div>
  );
}

export function CreateUnitForm({ parents, defaultParentId }: { parents: UnitOption[]; defaultParentId?: number }) {
  const router = useRouter();
  const initialParent = parents.find((p) => p.id === defaultParentId);
  const [parentId, setParentId] = useState(initialParent ? String(initialParent.id) : "");
  const [kind, setKind] = useState<OrgKind | "">(() => {
    // Under a street only a community fits; choose it rather than make the user look for it.
    const fitting = kindsUnder(initialParent?.kind ?? null);
    return initialParent && fitting.length === 1 ? fitting[0] : "";
  });
  const [created, setCreated] = useState<{ id: number; name: string; kind: OrgKind } | null>(null);
  const [formKey, setFormKey] = useState(0);

  const parent = parents.find((p) => String(p.id) === parentId);
  const problem = kind ? placementProblem(kind, parent?.kind ?? null) : null;
  const fitting = kindsUnder(parent?.kind ?? null);
  const parentHint = problem
    ? `注意：${problem}。`
    : parent
      ? `「${parent.label.trim()}」下可设：${fitting.map((k) => ORG_KIND_LABELS[k]).join("、") || "（不能再设下级）"}`
      : `不选上级即为顶层单位（只有「${ORG_KIND_LABELS.CITY}」可设在顶层）`;

  const form = useActionForm(createUnitAction, {
    schema: createUnitSchema,
    onSuccess: (result) => {
      const data = form.formProps.ref.current ? new FormData(form.formProps.ref.current) : null;
      setCreated({ id: result.id, name: String(data?.get("name") ?? "").trim(), kind: String(data?.get("kind") ?? "") as OrgKind });
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = form;

  if (created) {
    return (
      <div className="max-w-xl space-y-3" data-testid="unit-created">
        <FormSuccess>已新建单位「{created.name}」。</FormSuccess>
        <div className="flex flex-wrap gap-3">
          <Link href={`/admin/units/${created.id}`} className={buttonClass.link}>查看该单位</Link>
          {canHaveChildren(created.kind) && (
            <Link href={`/admin/units/new?parentId=${created.id}`} className={buttonClass.link}>在其下新建单位</Link>
          )}
          <Link href="/admin/units" className={buttonClass.link}>返回组织机构</Link>
          <button
            type="button"
            className={buttonClass.link}
            onClick={() => {
              setCreated(null);
              setFormKey((k) => k + 1);
            }}
          >
            继续新建
          </button>
        </div>
      </div>
    );
  }

  return (
    <form key={formKey} {...form.formProps} className="max-w-xl space-y-4" noValidate data-testid="create-unit-form">
      <Field id="parentId" label="上级单位" error={fieldErrors.parentId} hint={parentHint}>
        <select {...form.field("parentId", parentHint)} value={parentId} onChange={(e) => setParentId(e.target.value)} className={inputClass}>
          <option value="">（顶层，无上级）</option>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>{p.label}</option>
          ))}
        </select>
      </Field>
      <Field id="kind" label="类别" error={fieldErrors.kind} required>
        <select {...form.field("kind")} value={kind} onChange={(e) => setKind(e.target.value as OrgKind | "")} className={inputClass}>
          <option value="">请选择类别</option>
          {ORG_KINDS.map((k) => (
            <option key={k} value={k}>
              {ORG_KIND_LABELS[k]}
              {fitting.includes(k) ? "" : parent ? "（不能设在所选上级下）" : "（不能设在顶层）"}
            </option>
          ))}
        </select>
      </Field>
      <Field id="name" label="名称" error={fieldErrors.name} required>
        <input {...form.field("name")} autoComplete="off" className={inputClass} />
      </Field>
      <Field id="shortName" label="简称" error={fieldErrors.shortName}>
        <input {...form.field("shortName")} autoComplete="off" className={inputClass} />
      </Field>
      <Field id="code" label="代码" error={fieldErrors.code} hint={codeHint}>
        <input {...form.field("code", codeHint)} autoComplete="off" inputMode="text" className={inputClass} />
      </Field>
      <JointMemberCheckbox error={fieldErrors.jointMeetingMember} />
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} pendingLabel="正在保存…">新建单位</SubmitButton>
        <Link href="/admin/units" className={buttonClass.secondary}>取消</Link>
      </div>
    </form>
  );
}

export function EditUnitForm({
  unit,
}: {
  unit: { id: number; name: string; shortName: string | null; code: string | null; jointMeetingMember: boolean; stamp: string };
}) {
  const router = useRouter();
  const form = useActionForm(updateUnitAction, { schema: updateUnitSchema, onSuccess: () => router.refresh() });
  const { pending, error, fieldErrors } = form;
  const saved = form.ok && !pending;

  return (
    <form {...form.formProps} className="max-w-xl space-y-4" noValidate data-testid="edit-unit-form">
      <HiddenFields values={{ id: unit.id, expectedStamp: unit.stamp }} />
      <Field id="name" label="名称" error={fieldErrors.name} required>
        <input {...form.field("name")} defaultValue={unit.name} autoComplete="off" className={inputClass} />
      </Field>
      <Field id="shortName" label="简称" error={fieldErrors.shortName}>
        <input {...form.field("shortName")} defaultValue={unit.shortName ?? ""} autoComplete="off" className={inputClass} />
      </Field>
      <Field id="code" label="代码" error={fieldErrors.code} hint={codeHint}>
        <input {...form.field("code", codeHint)} defaultValue={unit.code ?? ""} autoComplete="off" className={inputClass} />
      </Field>
      <JointMemberCheckbox defaultChecked={unit.jointMeetingMember} error={fieldErrors.jointMeetingMember} />
      <FormError message={error} />
      {saved && <FormSuccess testId="unit-saved">已保存单位信息。</FormSuccess>}
      <SubmitButton pending={pending} pendingLabel="正在保存…">保存</SubmitButton>
    </form>
  );
}

export function MoveUnitForm({
  unit,
  options,
  allowTopLevel,
}: {
  unit: { id: number; parentId: number | null };
  options: UnitOption[];
  allowTopLevel: boolean;
}) {
  const router = useRouter();
  const current = unit.parentId === null ? "" : String(unit.parentId);
  const [target, setTarget] = useState(current);
  const [moved, setMoved] = useState<string | null>(null);
  const hint = "只列出可以作为上级的在用单位；下级单位和用户随之移动。";

  const form = useActionForm(moveUnitAction, {
    schema: moveUnitSchema,
    onSuccess: () => {
      const label = target ? (options.find((o) => String(o.id) === target)?.label.trim() ?? "") : "顶层";
      setMoved(`已移动到「${label}」之下。`);
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = form;

  return (
    <form {...form.formProps} onSubmit={(e) => { setMoved(null); form.formProps.onSubmit(e); }} className="max-w-xl space-y-4" noValidate data-testid="move-unit-form">
      <HiddenFields values={{ id: unit.id }} />
      <Field id="moveParentId" label="移动到" error={fieldErrors.parentId} hint={hint}>
        <select
          {...form.field("parentId", hint, "moveParentId")}
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            setMoved(null);
          }}
          className={inputClass}
        >
          {(allowTopLevel || unit.parentId === null) && <option value="">（顶层，无上级）</option>}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
              {String(o.id) === current ? "（当前上级）" : ""}
            </option>
          ))}
        </select>
      </Field>
      <FormError message={error} />
      {moved && <FormSuccess testId="unit-moved">{moved}</FormSuccess>}
      <SubmitButton pending={pending} pendingLabel="正在移动…" disabled={target === current}>移动</SubmitButton>
    </form>
  );
}
