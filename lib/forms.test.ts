import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToInput, limitsOf } from "./forms";
import { createItemSchema, updateEditionSchema } from "./catalogue/schema";
import { updateDutySchema } from "./local-duties/schema";

function fd(entries: [string, string | Blob][]) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("formDataToInput", () => {
  it("maps numbers, checkboxes, repeated names, optional empties and nested paths by the schema", async () => {
    const schema = z.object({
      id: z.number().int(),
      active: z.boolean(),
      archived: z.boolean(),
      tags: z.array(z.string()),
      ids: z.array(z.coerce.number()),
      note: z.string().optional(),
      count: z.number().optional(),
      kind: z.enum(["A", "B"]),
      rows: z.array(z.object({ name: z.string(), weight: z.number() })),
    });
    const input = await formDataToInput(
      schema,
      fd([
        ["id", "7"],
        ["active", "on"],
        ["tags", "a"],
        ["tags", "b"],
        ["ids", "3"],
        ["note", ""],
        ["count", ""],
        ["kind", "B"],
        ["rows.1.name", "second"],
        ["rows.1.weight", "20"],
        ["rows.0.name", "first"],
        ["rows.0.weight", "10"],
        ["$ACTION_ID_abc", ""],
      ]),
    );
    expect(schema.parse(input)).toEqual({
      id: 7,
      active: true,
      archived: false,
      tags: ["a", "b"],
      ids: [3],
      kind: "B",
      rows: [
        { name: "first", weight: 10 },
        { name: "second", weight: 20 },
      ],
    });
  });

  it("reads a real schema with preprocess, transforms and intersections", async () => {
    const item = createItemSchema.parse(
      await formDataToInput(createItemSchema, fd([["editionId", "3"], ["name", "事项"], ["powerTypeId", "2"], ["domainId", ""], ["subItems.0.name", "子项"], ["subItems.0.powerTypeId", ""]])),
    );
    expect(item).toMatchObject({ editionId: 3, name: "事项", powerTypeId: 2, domainId: null, subItems: [{ name: "子项", powerTypeId: null }] });
    const duty = await formDataToInput(updateDutySchema, fd([["id", "4"], ["stamp", "abc"], ["departmentId", ""]]));
    expect(duty).toMatchObject({ id: 4, stamp: "abc" });
  });

  it("merges a JSON field for structured state, named fields winning", async () => {
    const schema = z.object({ id: z.number(), rows: z.array(z.object({ a: z.number() })) });
    const input = await formDataToInput(schema, fd([["__json", JSON.stringify({ id: 1, rows: [{ a: 1 }] })], ["id", "2"]]));
    expect(schema.parse(input)).toEqual({ id: 2, rows: [{ a: 1 }] });
  });

  it("passes files through, as bytes where the schema wants bytes", async () => {
    const schema = z.object({ file: z.instanceof(Uint8Array), doc: z.instanceof(File) });
    const input = (await formDataToInput(schema, fd([["file", new File(["xyz"], "a.xlsx")], ["doc", new File(["q"], "b.pdf")]]))) as { file: Uint8Array; doc: File };
    expect(input.file).toBeInstanceOf(Uint8Array);
    expect(input.file.byteLength).toBe(3);
    expect(input.doc).toBeInstanceOf(File);
  });

  it("reads a file input left empty as no file, also as Next's action decoder names it", async () => {
    const schema = z.object({ files: z.array(z.instanceof(File)).default([]), title: z.string() });
    for (const empty of [new File([], ""), new File([], "undefined")]) {
      const input = await formDataToInput(schema, fd([["files", empty], ["title", "荷塘路"]]));
      expect(schema.parse(input)).toEqual({ files: [], title: "荷塘路" });
    }
  });
});

describe("limitsOf", () => {
  it("reads maxLength and required from the schema, through wrappers", () => {
    expect(limitsOf(updateEditionSchema, "title")).toMatchObject({ maxLength: 100, required: true });
    expect(limitsOf(updateEditionSchema, "description")).toMatchObject({ maxLength: 500, required: false });
    expect(limitsOf(createItemSchema, "subItems.0.name")).toMatchObject({ maxLength: 500 });
    expect(limitsOf(updateDutySchema, "localDuty")).toMatchObject({ maxLength: 2000, required: true });
    expect(limitsOf(updateDutySchema, "nope")).toEqual({ required: false });
  });
});

describe("file size limits (withFileLimit)", async () => {
  const { oversizedFile } = await import("./forms");
  const { uploadSchema } = await import("@/lib/admission/schema");
  const { reportSchema } = await import("@/lib/dispatch/schema");
  const MB = 1024 * 1024;
  const file = (size: number, name: string) => new File([new Uint8Array(size)], name);

  it("are read from the schema for single files and lists of files", () => {
    expect(limitsOf(uploadSchema, "file").maxFileBytes).toBe(10 * MB);
    expect(limitsOf(reportSchema, "files").maxFileBytes).toBe(10 * MB);
    expect(limitsOf(uploadSchema, "admissionId").maxFileBytes).toBeUndefined();
  });

  it("find a file over its limit before it is sent, with the server's message", () => {
    const one = new FormData();
    one.set("admissionId", "1");
    one.set("file", file(11 * MB, "测算依据.pdf"));
    expect(oversizedFile(uploadSchema, one)).toEqual({ field: "file", message: "文件超过 10 MB，请压缩或拆分后再上传。" });
    one.set("file", file(MB, "测算依据.pdf"));
    expect(oversizedFile(uploadSchema, one)).toBeNull();

    const many = new FormData();
    many.append("files", file(MB, "照片.jpg"));
    many.append("files", file(10 * MB + 1, "录像.pdf"));
    expect(oversizedFile(reportSchema, many)).toEqual({ field: "files", message: "录像.pdf：文件超过 10 MB，请压缩或拆分后再上传。" });
  });
});
