// Attachments: only PDF, Word and images, recognised by their first bytes, not their names.

import { fileTooLargeMessage } from "@/lib/uploads";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

type Kind = { mime: string; exts: string[]; label: string };

const KINDS: { test: (b: Uint8Array) => boolean; kind: Kind }[] = [
  { test: (b) => starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d]), kind: { mime: "application/pdf", exts: ["pdf"], label: "PDF" } },
  { test: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), kind: { mime: "image/png", exts: ["png"], label: "PNG 图片" } },
  { test: (b) => starts(b, [0xff, 0xd8, 0xff]), kind: { mime: "image/jpeg", exts: ["jpg", "jpeg"], label: "JPEG 图片" } },
  // Old Word (.doc) is an OLE compound file.
  { test: (b) => starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), kind: { mime: "application/msword", exts: ["doc"], label: "Word 文档" } },
  // .docx is a zip with word/ inside.
  {
    test: (b) => starts(b, [0x50, 0x4b, 0x03, 0x04]) && containsAscii(b, "word/"),
    kind: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", exts: ["docx"], label: "Word 文档" },
  },
];

function starts(b: Uint8Array, sig: number[]) {
  return b.length >= sig.length && sig.every((v, i) => b[i] === v);
}

function containsAscii(b: Uint8Array, text: string) {
  // Zip entries are named in their local headers and again in the central directory.
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1").includes(text);
}

export type FileCheck = { ok: true; mime: string; fileName: string } | { ok: false; message: string };

/** Checks size, type by magic bytes, and that the extension agrees with the content. */
export function checkAttachment(fileName: string, bytes: Uint8Array): FileCheck {
  if (bytes.length === 0) return { ok: false, message: "文件是空的，请重新选择。" };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, message: fileTooLargeMessage(MAX_ATTACHMENT_BYTES) };
  const found = KINDS.find((k) => k.test(bytes))?.kind;
  if (!found) return { ok: false, message: "只能上传 PDF、Word（.doc/.docx）或图片（.png/.jpg）文件。" };
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  if (!found.exts.includes(ext)) return { ok: false, message: `文件内容是${found.label}，与扩展名「.${ext}」不符，请检查文件。` };
  const clean = fileName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").slice(-120);
  return { ok: true, mime: found.mime, fileName: clean };
}
