import { describe, expect, it } from "vitest";
import { attachmentResponse } from "./attachment-response";

describe("attachmentResponse", () => {
  it("sends the bytes as a sandboxed download under the real and an ASCII name", async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const res = attachmentResponse({ fileName: '会议纪要 "终稿".pdf', size: 3, bytes });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect(Object.fromEntries(res.headers)).toEqual({
      "content-type": "application/octet-stream",
      "content-length": "3",
      "content-disposition": `attachment; filename="____ ____.pdf"; filename*=UTF-8''${encodeURIComponent('会议纪要 "终稿".pdf')}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": "sandbox",
    });
  });
});
