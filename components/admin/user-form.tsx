"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUserAction, updateUserAction } from "@/lib/users/actions";
import { createUserSchema, updateUserSchema } from "@/lib/users/schema";
import { ORG_KIND_LABELS, ROLE_LABELS, ROLES, ROLES_FOR_KIND } from "@/lib/auth/roles";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field, describedBy } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError, FormSuccess } from "@/components/ui/form-messages";
import { TemporaryPassword } from "./temporary-password";
import type { UnitOption } from "./unit-options";

type Errors = Record<string, string>;

// Own accounts are shown read-only; make that visible, not only a dead form.
const fieldClass = `${inputClass} disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500`;

/** zod reports a bad array member as "roles.0"; show it on the group. */
function rolesError(errors: Errors): string | undefined {
  return errors.roles ?? Object.entries(errors).find(([k]) => k.startsWith("roles."))?.[1];
}

/** Unit, roles and phone: the part of the form that create and edit share. */
function UnitRolesPhone({
  units,
  unitId,
  setUnitId,
  roles,
  setRoles,
  phone,
  errors,
  disabled,
}: {
  units: UnitOption[];
  unitId: string;
  setUnitId: (v: string) => void;
  roles: Role[];
  setRoles: (v: Role[]) => void;
  phone?: string | null;
  errors: Errors;
  disabled?: boolean;
}) {
  const unit = units.find((u) => String(u.id) === unitId);
  const fits = unit ? ROLES_FOR_KIND[unit.kind] : null;
  const roleError = rolesError(errors);
  const roleHint = unit
    ? `${unit.label.trim()}属于「${ORG_KIND_LABELS[unit.kind]}」，可设角色：${fits!.map((r) => ROLE_LABELS[r]).join("、")}。保存时系统会再次核对。`
    : "请先选择所属单位，这里会提示该类单位适用的角色；保存时系统会再次核对。";
  const unitHint = "修改单位或角色后，该用户的其他登录会话将失效，需要重新登录。";

  return (
    <>
      <Field id="unitId" label="所属单位" error={errors.unitId} required>
        <select
          {...describedBy("unitId", errors.unitId)}
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          disabled={disabled}
          className={fieldClass}
        >
          <option value="">请选择所属单位</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </select>
      </Field>

      <fieldset aria-describedby={roleError ? "roles-error" : "roles-hint"} disabled={disabled}>
        <legend className="text-sm font-medium text-slate-700">
          角色<span className="ml-0.5 text-red-600" aria-hidden>*</span>
        </legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {ROLES.map((role) => {
            const unfit = fits !== null && !fits.includes(role);
            const notJoint = role === "REVIEWER" && unit && !unit.jointMeetingMember;
            return (
              <label key={role} className="flex items-start gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50">
                <input
                  type="checkbox"
                  name="roles"
                  value={role}
                  checked={roles.includes(role)}
                  onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
                  className="mt-0.5 h-4 w-4 rounded border-slate-300"
                  data-testid={`role-${role}`}
                />
                <span className={unfit || notJoint ? "text-slate-500" : "text-slate-800"}>
                  {ROLE_LABELS[role]}
                  {unfit && <span className="ml-1 text-xs">（不适用于{ORG_KIND_LABELS[unit!.kind]}）</span>}
                  {!unfit && notJoint && <span className="ml-1 text-xs">（所选单位不是联席会议成员单位）</span>}
                </span>
              </label>
            );
          })}
        </div>
        {roleError ? (
          <p id="roles-error" role="alert" className="mt-1 text-xs text-red-600">
            {roleError}
          </p>
        ) : (
          <p id="roles-hint" className="mt-1 text-xs text-slate-500">
            {roleHint}
          </p>
        )}
      </fieldset>
      {!disabled && <p className="text-xs text-slate-500">{unitHint}</p>}

      <Field id="phone" label="电话" error={errors.phone}>
        <input {...describedBy("phone", errors.phone)} type="tel" autoComplete="off" defaultValue={phone ?? ""} disabled={disabled} className={fieldClass} />
      </Field>
    </>
  );
}

export function CreateUserForm({ units, defaultUnitId }: { units: UnitOption[]; defaultUnitId?: number }) {
  const router = useRouter();
  const [unitId, setUnitId] = useState(defaultUnitId && units.some((u) => u.id === defaultUnitId) ? String(defaultUnitId) : "");
  const [roles, setRoles] = useState<Role[]>([]);
  const [created, setCreated] = useState<{ id: number; username: string; temporaryPassword: string } | null>(null);
  const [formKey, setFormKey] = useState(0);

  const form = useActionForm(createUserAction, {
    schema: createUserSchema,
    onSuccess: (data) => {
      const username = String((form.formProps.ref.current && new FormData(form.formProps.ref.current).get("username")) ?? "");
      setCreated({ ...data, username: username.trim().toLowerCase() });
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = form;

  if (created) {
    return (
      <div className="max-w-xl space-y-4">
        <TemporaryPassword password={created.temporaryPassword} title={`已新建用户 ${created.username}`}>
          <Link href="/admin/users" className={buttonClass.link}>
            返回用户列表
          </Link>
          <Link href={`/admin/users/${created.id}`} className={buttonClass.link} data-testid="created-user-link">
            查看该用户
          </Link>
          <button
            type="button"
            className={buttonClass.link}
            onClick={() => {
              setCreated(null);
              setRoles([]);
              setFormKey((k) => k + 1);
            }}
          >
            继续新建
          </button>
        </TemporaryPassword>
      </div>
    );
  }

  const usernameHint = "3–32 位小写字母、数字、点、下划线或短横线，创建后不能修改";
  return (
    <form key={formKey} {...form.formProps} className="max-w-xl space-y-4" noValidate data-testid="create-user-form">
      <Field id="username" label="用户名" error={fieldErrors.username} hint={usernameHint} required>
        <input {...form.field("username", usernameHint)} autoComplete="off" autoCapitalize="none" spellCheck={false} className={fieldClass} />
      </Field>
      <Field id="displayName" label="姓名" error={fieldErrors.displayName} required>
        <input {...describedBy("displayName", fieldErrors.displayName)} autoComplete="off" className={fieldClass} />
      </Field>
      <UnitRolesPhone units={units} unitId={unitId} setUnitId={setUnitId} roles={roles} setRoles={setRoles} errors={fieldErrors} />
      <FormError message={error} />
      <p className="text-xs text-slate-500">保存后系统会生成初始密码，只显示一次；用户首次登录须修改密码。</p>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} pendingLabel="正在保存…">新建用户</SubmitButton>
        <Link href="/admin/users" className={buttonClass.secondary}>
          取消
        </Link>
      </div>
    </form>
  );
}

export function EditUserForm({
  user,
  units,
  canManage,
}: {
  user: { id: number; username: string; displayName: string; unitId: number; roles: Role[]; phone: string | null; stamp: string };
  units: UnitOption[];
  canManage: boolean;
}) {
  const router = useRouter();
  const [unitId, setUnitId] = useState(String(user.unitId));
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const form = useActionForm(updateUserAction, { schema: updateUserSchema, onSuccess: () => router.refresh() });
  const { pending, error, fieldErrors } = form;
  const saved = form.ok && !pending;

  return (
    <form {...form.formProps} className="max-w-xl space-y-4" noValidate data-testid="edit-user-form">
      <HiddenFields values={{ id: user.id, expectedStamp: user.stamp }} />
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-700">用户名</p>
        <p className="font-mono text-sm text-slate-800" data-testid="user-username">
          {user.username}
          <span className="ml-2 font-sans text-xs text-slate-500">（创建后不能修改）</span>
        </p>
      </div>
      <Field id="displayName" label="姓名" error={fieldErrors.displayName} required>
        <input {...describedBy("displayName", fieldErrors.displayName)} defaultValue={user.displayName} autoComplete="off" disabled={!canManage} className={fieldClass} />
      </Field>
      <UnitRolesPhone
        units={units}
        unitId={unitId}
        setUnitId={setUnitId}
        roles={roles}
        setRoles={setRoles}
        phone={user.phone}
        errors={fieldErrors}
        disabled={!canManage}
      />
      <FormError message={error} />
      {saved && <FormSuccess testId="user-saved">已保存用户信息。</FormSuccess>}
      {canManage && (
        <SubmitButton pending={pending} pendingLabel="正在保存…">保存</SubmitButton>
      )}
    </form>
  );
}
