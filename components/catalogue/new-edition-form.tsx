"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CatalogueKind, EditionStatus } from "@/lib/generated/prisma/enums";
import { createEditionAction } from "@/lib/catalogue/actions";
import { createEditionSchema } from "@/lib/catalogue/schema";
import { KIND_EXAMPLES, KIND_LABELS, KIND_PATHS, STATUS_LABELS } from "@/lib/catalogue/labels";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";

type Start = "blank" | "copy" | "import";
type EditionOption = { id: number; kind: CatalogueKind; title: string; status: EditionStatus; areaUnit?: { name: string } | null };

const STARTS: { value: Start; label: string; hint: string }[] = [
  { value: "blank", label: "空白版本", hint: "创建后逐项录入事项。" },
  { value: "copy", label: "复制已有版本", hint: "复制所选版本的全部事项，再在此基础上修改。" },
  { value: "import", label: "从文件导入", hint: "创建后上传 Excel（.xlsx/.xls）或 CSV 文件，预览无误后导入。" },
];

/** `district`: a district 编办's form: the guidance catalogue only, always copied from a source. */
export function NewEditionForm({ kind: initialKind, start: initialStart, editions, district = false }: { kind: CatalogueKind; start: Start; editions: EditionOption[]; district?: boolean }) {
  const router = useRouter();
  const [kind, setKind] = useState<CatalogueKind>(initialKind);
  const [start, setStart] = useState<Start>(initialStart);
  const sources = editions.filter((e) => e.kind === kind);
  const [copyFromId, setCopyFromId] = useState(() => String(sources.find((e) => e.status === "ISSUED")?.id ?? sources[0]?.id ?? ""));
  const form = useActionForm(createEditionAction, {
    schema: createEditionSchema,
    onSuccess: (result) => router.push(start === "import" ? `/catalogue/editions/${result.id}/import` : `/catalogue/editions/${result.id}?created=1`),
  });
  const { pending, error, fieldErrors } = form;

  const copyHint = sources.length === 0 ? "这一类清单还没有可复制的版本。" : undefined;

  return (
    <form {...form.formProps} noValidate className="max-w-2xl space-y-5" data-testid="new-edition-form">
      {district ? (
        <input type="hidden" name="kind" value="GUIDANCE" />
      ) : (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">清单类别</legend>
          <div className="flex flex-wrap gap-4">
            {(["GUIDANCE", "GENERAL"] as const).map((k) => (
              <label key={k} className="flex items-center gap-2 text-sm">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="h-4 w-4" />
                {KIND_LABELS[k]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <Field id="title" label="版本名称" required error={fieldErrors.title} hint={`例如「${KIND_EXAMPLES[kind]}」`}>
        <input {...form.field("title", `例如「${KIND_EXAMPLES[kind]}」`)} autoComplete="off" className={inputClass} />
      </Field>
      <Field id="description" label="说明" error={fieldErrors.description} hint="可不填。如印发文号、适用范围。">
        <textarea {...form.field("description", "可不填。如印发文号、适用范围。")} rows={2} className={inputClass} />
      </Field>
      {!district && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">如何开始</legend>
          {STARTS.map((s) => (
            <label key={s.value} className="flex items-start gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="start" value={s.value} checked={start === s.value} onChange={() => setStart(s.value)} className="mt-0.5 h-4 w-4" />
              <span>
                <span className="font-medium text-slate-800">{s.label}</span>
                <span className="block text-xs text-slate-500">{s.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {start === "copy" && (
        <Field id="copyFromId" label={district ? "依据哪个版本" : "复制哪个版本"} error={fieldErrors.copyFromId} hint={copyHint} required>
          <select {...form.field("copyFromId", copyHint)} value={copyFromId} onChange={(e) => setCopyFromId(e.target.value)} className={inputClass} disabled={sources.length === 0}>
            {sources.map((e) => (
              <option key={e.id} value={e.id}>
                {e.areaUnit ? `【${e.areaUnit.name}】` : ""}{e.title}（{STATUS_LABELS[e.status]}）
              </option>
            ))}
          </select>
        </Field>
      )}
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass.primary} disabled={pending || (start === "copy" && !copyFromId)}>
          {pending ? (start === "copy" ? "正在复制…" : "正在创建…") : start === "import" ? "创建并上传文件" : "创建版本"}
        </button>
        <Link href={KIND_PATHS[kind]} className={buttonClass.secondary}>取消</Link>
      </div>
    </form>
  );
}
