/**
 * Turning uploaded bytes into a SheetJS workbook, safely.
 *
 * The format is decided by content, never by the file name: real lists include an .xlsx that is
 * an old OLE (.xls) workbook inside, .xls files that are HTML or CSV, and CSV in UTF-8 (with or
 * without BOM) or GB18030/GBK. All failures come back as Chinese messages; nothing throws.
 */
import zlib from "node:zlib";
import * as XLSX from "@e965/xlsx";
import { MAX_IMPORT_BYTES } from "./limits";

export { MAX_IMPORT_BYTES };

export type DetectedFormat = "xlsx" | "xls" | "ods" | "csv" | "html" | "xml" | "text";

export type ReadOutcome =
  | { ok: true; workbook: XLSX.WorkBook; format: DetectedFormat; notices: string[] }
  | { ok: false; error: string; format?: DetectedFormat };

const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  cellNF: false,
  cellDates: false,
  sheetStubs: false,
  bookVBA: false,
};

/**
 * SheetJS inflates .xlsx (zip) entries with a pure-JS inflater that can loop forever on a
 * corrupted deflate stream (found by fuzzing the fixtures). Node's zlib throws instead, and is
 * faster. SheetJS reads the consumed byte count from the deprecated `bytesRead` property;
 * `bytesWritten` is the same number without the deprecation warning. If SheetJS's self-test of
 * the native inflater fails (a future Node), it falls back to its own inflater.
 */
let nativeZlibInstalled = false;
function installNativeZlib(): void {
  if (nativeZlibInstalled) return;
  nativeZlibInstalled = true;
  class InflateRawCompat extends zlib.InflateRaw {
    get bytesRead(): number {
      return this.bytesWritten;
    }
  }
  try {
    XLSX.CFB.utils.use_zlib({ InflateRaw: InflateRawCompat, deflateRawSync: zlib.deflateRawSync });
  } catch {
    // keep SheetJS's own inflater
  }
}

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[offset + i] !== signature[i]) return false;
  return true;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Well-known non-spreadsheet files, to name what was uploaded instead. */
const FOREIGN_SIGNATURES: ReadonlyArray<readonly [number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], "PNG 图片"],
  [[0xff, 0xd8, 0xff], "JPEG 图片"],
  [[0x47, 0x49, 0x46, 0x38], "GIF 图片"],
  [[0x49, 0x49, 0x2a, 0x00], "TIFF 图片"],
  [[0x4d, 0x4d, 0x00, 0x2a], "TIFF 图片"],
  [[0x25, 0x50, 0x44, 0x46], "PDF 文档"],
  [[0x52, 0x61, 0x72, 0x21], "RAR 压缩包"],
  [[0x37, 0x7a, 0xbc, 0xaf], "7z 压缩包"],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], "RTF 文档"],
  [[0x7f, 0x45, 0x4c, 0x46], "可执行程序"],
];

function extensionOf(fileName: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(fileName.trim());
  return match ? match[1].toLowerCase() : "";
}

function toBuffer(input: Buffer | Uint8Array | ArrayBuffer): Buffer {
  if (Buffer.isBuffer(input)) return input;
  if (input instanceof ArrayBuffer) return Buffer.from(input);
  return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

/** Decode text bytes: BOMs, then strict UTF-8, then GB18030 (a superset of GBK/GB2312). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8" };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE" };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    // not UTF-8
  }
  try {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "GB18030" };
  } catch {
    return { text: new TextDecoder("latin1").decode(bytes), encoding: "latin1" };
  }
}

/** Binary junk rather than text: NUL bytes or many control characters near the start. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.02;
}

function mapReadError(error: unknown, format: DetectedFormat): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) return "文件已加密（设置了打开密码），无法读取。请在 Excel/WPS 中取消密码后另存，再重新上传。";
  if (/not a spreadsheet/i.test(message)) return "文件不是电子表格，请上传 Excel（.xlsx/.xls）或 CSV 文件。";
  if (/could not find workbook|cannot find workbook|no workbook/i.test(message)) {
    return format === "xls"
      ? "文件不是 Excel 工作簿（可能是 Word、PowerPoint 等其他旧版 Office 文件）。请上传 Excel（.xlsx/.xls）或 CSV 文件。"
      : "文件中没有 Excel 工作簿（可能是 Word、PowerPoint 等其他 Office 文件或普通压缩包）。请上传 Excel（.xlsx/.xls）或 CSV 文件。";
  }
  if (/zip/i.test(message) && format === "xlsx") return "文件不是有效的 Excel 工作簿（压缩包已损坏或不是 Excel 文件）。";
  return `无法读取文件：文件可能已损坏或不是受支持的电子表格格式（${message}）。`;
}

function readBinary(buffer: Buffer, format: DetectedFormat): XLSX.WorkBook {
  try {
    return XLSX.read(buffer, { ...READ_OPTIONS, type: "buffer" });
  } catch (error) {
    // Old .xls files "protected" with Excel's default VelvetSweatshop key open without a
    // password in Excel; try that once before calling the file encrypted.
    if (format === "xls" && error instanceof Error && /password-protected/i.test(error.message)) {
      return XLSX.read(buffer, { ...READ_OPTIONS, type: "buffer", password: "VelvetSweatshop" });
    }
    throw error;
  }
}

/** Read bytes into a workbook, deciding the format by content. */
export function readWorkbookBytes(input: Buffer | Uint8Array | ArrayBuffer, fileName: string): ReadOutcome {
  if (!input || input.byteLength === 0) return { ok: false, error: "文件为空（0 字节），请检查后重新上传。" };
  if (input.byteLength > MAX_IMPORT_BYTES) {
    const mb = (input.byteLength / 1024 / 1024).toFixed(1);
    return { ok: false, error: `文件过大（${mb} MB），单个文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB。请拆分后再上传。` };
  }
  installNativeZlib();
  const buffer = toBuffer(input);
  const ext = extensionOf(fileName);
  const notices: string[] = [];

  if (startsWith(buffer, OLE)) {
    if (ext === "xlsx" || ext === "xlsm") notices.push(`文件扩展名为 .${ext}，但内容是旧版 Excel（.xls）工作簿，已按实际格式读取。`);
    try {
      return { ok: true, workbook: readBinary(buffer, "xls"), format: "xls", notices };
    } catch (error) {
      return { ok: false, error: mapReadError(error, "xls"), format: "xls" };
    }
  }

  if (startsWith(buffer, ZIP)) {
    if (ext === "xls") notices.push("文件扩展名为 .xls，但内容是新版 Excel（.xlsx）工作簿，已按实际格式读取。");
    try {
      const workbook = readBinary(buffer, "xlsx");
      const format: DetectedFormat = workbook.bookType === "ods" ? "ods" : "xlsx";
      return { ok: true, workbook, format, notices };
    } catch (error) {
      return { ok: false, error: mapReadError(error, "xlsx"), format: "xlsx" };
    }
  }

  for (const [signature, what] of FOREIGN_SIGNATURES) {
    if (startsWith(buffer, signature)) {
      return { ok: false, error: `文件不是电子表格（内容看起来是${what}）。请上传 Excel（.xlsx/.xls）或 CSV 文件。` };
    }
  }

  // Old BIFF2–BIFF5 streams without an OLE container.
  if (buffer[0] === 0x09 && buffer[1] <= 0x08 && buffer.length > 4) {
    try {
      return { ok: true, workbook: readBinary(buffer, "xls"), format: "xls", notices };
    } catch (error) {
      return { ok: false, error: mapReadError(error, "xls"), format: "xls" };
    }
  }

  if (looksBinary(buffer)) {
    return { ok: false, error: "文件不是电子表格（无法识别的二进制内容）。请上传 Excel（.xlsx/.xls）或 CSV 文件。" };
  }

  // Text: CSV/TSV, HTML tables saved as .xls, SpreadsheetML 2003.
  const { text, encoding } = decodeText(buffer);
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  const isMarkup = head.startsWith("<");
  const format: DetectedFormat = !isMarkup ? "csv" : head.includes("<html") || head.includes("<table") ? "html" : "xml";
  if (!isMarkup && (ext === "xlsx" || ext === "xlsm" || ext === "xlsb")) {
    return { ok: false, error: `文件扩展名为 .${ext}，但内容是纯文本而不是 Excel 工作簿。请上传原始的 Excel 文件；如果是 CSV，请使用 .csv 扩展名。` };
  }
  if (encoding === "latin1") notices.push("无法识别文本编码，已按 Latin-1 读取，中文可能显示为乱码。");
  else if (encoding !== "UTF-8" && format === "csv") notices.push(`文本编码为 ${encoding}，已自动转换。`);
  try {
    const workbook = XLSX.read(text, { ...READ_OPTIONS, type: "string", raw: true });
    return { ok: true, workbook, format, notices };
  } catch (error) {
    return { ok: false, error: mapReadError(error, format), format };
  }
}
