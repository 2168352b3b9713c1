import { describe, expect, it } from "vitest";
import { checkAttachment, MAX_ATTACHMENT_BYTES } from "./files";

const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n");
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

describe("checkAttachment", () => {
  it("accepts a PDF and an image by their bytes", () => {
    expect(checkAttachment("依据.pdf", pdf)).toEqual({ ok: true, mime: "application/pdf", fileName: "依据.pdf" });
    expect(checkAttachment("照片.PNG", png)).toMatchObject({ ok: true, mime: "image/png" });
  });
  it("refuses a script renamed to .pdf, and a PDF renamed to .png", () => {
    expect(checkAttachment("a.pdf", new TextEncoder().encode("<script>alert(1)</script>"))).toMatchObject({ ok: false });
    expect(checkAttachment("a.png", pdf)).toMatchObject({ ok: false, message: expect.stringContaining("扩展名") });
  });
  it("refuses empty and oversized files", () => {
    expect(checkAttachment("a.pdf", new Uint8Array())).toMatchObject({ ok: false });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(pdf);
    expect(checkAttachment("a.pdf", big)).toMatchObject({ ok: false, message: expect.stringContaining("10 MB") });
  });
  it("strips path characters from names", () => {
    expect(checkAttachment("../../etc/a.pdf", pdf)).toMatchObject({ ok: true, fileName: ".._.._etc_a.pdf" });
  });
});
