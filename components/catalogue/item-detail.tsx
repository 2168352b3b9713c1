import { FIELD_LABELS } from "@/lib/catalogue/labels";
import { DETAIL_FIELDS, subItemFields, type DetailField } from "@/lib/catalogue/item-data";
import { TypeLabel } from "./badges";
import { LegalText } from "./legal-text";

const LEGAL: DetailField[] = ["legalBasis", "responsibilityBasis"];

function Value({ field, text }: { field: DetailField; text: string | null | undefined }) {
  if (!text) return <span className="text-slate-500">—</span>;
  return LEGAL.includes(field) ? <LegalText text={text} /> : <span className="whitespace-pre-line">{text}</span>;
}

export function DetailList({ values, always = [] }: { values: Partial<Record<DetailField, string | null>>; always?: DetailField[] }) {
  const shown = DETAIL_FIELDS.filter((f) => values[f] || always.includes(f));
  if (shown.length === 0) return null;
  return (
    <dl className="divide-y divide-slate-100">
      {shown.map((f) => (
        <div key={f} className="grid gap-1 py-2.5 sm:grid-cols-[9rem_1fr] sm:gap-4">
          <dt className="text-sm font-medium text-slate-500">{FIELD_LABELS[f]}</dt>
          <dd className="text-sm leading-relaxed text-slate-800">
            <Value field={f} text={values[f]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function SubItemCards({
  subItems,
}: {
  subItems: { id: number; position: number; name: string; powerTypeRaw: string | null; fields: unknown; powerType: { name: string } | null }[];
}) {
  return (
    <ol className="space-y-3">
      {subItems.map((s) => {
        const fields = subItemFields(s.fields);
        return (
          <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="font-medium text-slate-900">
              <span className="mr-2 text-slate-500">{s.position}.</span>
              {s.name}
            </p>
            {(s.powerType || s.powerTypeRaw) && (
              <p className="mt-1 text-sm text-slate-600">
                权力类型：<TypeLabel name={s.powerType?.name} raw={s.powerTypeRaw} />
              </p>
            )}
            {fields.code && <p className="mt-1 text-sm text-slate-600">事项编码：<span className="font-mono">{fields.code}</span></p>}
            <DetailList values={fields} />
          </li>
        );
      })}
    </ol>
  );
}
