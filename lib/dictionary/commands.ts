import type { CommandContext } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import type { DictionaryKind } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { normaliseText } from "@/lib/catalogue/item-data";
import type { CreateEntryInput, UpdateEntryInput } from "./schema";
import { assertFresh } from "@/lib/edit-stamp";

const view = { id: true, kind: true, code: true, name: true, synonyms: true, active: true, sortOrder: true } as const;

/**
 * A name or synonym must stand for one entry only: import matching would otherwise be
 * ambiguous. Compared without spaces and case.
 */
async function checkUnique(tx: Tx, kind: DictionaryKind, name: string, synonyms: string[], exceptId?: number) {
  const others = await tx.dictionaryEntry.findMany({ where: { kind, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true, synonyms: true } });
  const taken = new Map<string, string>();
  for (const o of others) for (const t of [o.name, ...o.synonyms]) taken.set(normaliseText(t), o.name);
  const nameOwner = taken.get(normaliseText(name));
  if (nameOwner) {
    const message = nameOwner === name ? `已有「${name}」` : `「${name}」已是「${nameOwner}」的名称或同义词`;
    throw new AppError("DUPLICATE", message, { name: message });
  }
  for (const s of synonyms) {
    const owner = taken.get(normaliseText(s));
    if (owner) {
      const message = `同义词「${s}」已属于「${owner}」`;
      throw new AppError("DUPLICATE", message, { synonyms: message });
    }
    if (normaliseText(s) === normaliseText(name)) {
      throw new AppError("VALIDATION", "同义词不能与名称相同。", { synonyms: "同义词不能与名称相同" });
    }
  }
}

export async function createEntry(input: CreateEntryInput, { tx, audit }: CommandContext) {
  await checkUnique(tx, input.kind, input.name, input.synonyms);
  const last = await tx.dictionaryEntry.aggregate({ where: { kind: input.kind, sortOrder: { lt: 99 } }, _max: { sortOrder: true } });
  const entry = await tx.dictionaryEntry.create({
    data: { kind: input.kind, name: input.name, synonyms: input.synonyms, sortOrder: (last._max.sortOrder ?? 0) + 1 },
    select: view,
  });
  await audit({ action: "dictionary.create", subjectType: "dictionaryEntry", subjectId: entry.id, after: entry });
  return { id: entry.id };
}

export async function updateEntry(input: UpdateEntryInput, { tx, audit }: CommandContext) {
  const before = await tx.dictionaryEntry.findUnique({ where: { id: input.id }, select: view });
  if (!before) throw new AppError("NOT_FOUND");
  await assertFresh(tx, "dictionary_entry", input.id, input.expectedStamp);
  await checkUnique(tx, before.kind, input.name, input.synonyms, input.id);
  const after = await tx.dictionaryEntry.update({ where: { id: input.id }, data: { name: input.name, synonyms: input.synonyms }, select: view });
  await audit({ action: before.name !== after.name ? "dictionary.rename" : "dictionary.update", subjectType: "dictionaryEntry", subjectId: input.id, before, after });
  return { id: input.id };
}

export async function setEntryActive(input: { id: number; active: boolean }, { tx, audit }: CommandContext) {
  const before = await tx.dictionaryEntry.findUnique({ where: { id: input.id }, select: view });
  if (!before) throw new AppError("NOT_FOUND");
  if (before.active === input.active) return { id: input.id };
  await tx.dictionaryEntry.update({ where: { id: input.id }, data: { active: input.active } });
  await audit({ action: input.active ? "dictionary.activate" : "dictionary.deactivate", subjectType: "dictionaryEntry", subjectId: input.id, before: { active: before.active, name: before.name }, after: { active: input.active, name: before.name } });
  return { id: input.id };
}
