import { describe, expect, it } from "vitest";
// @ts-expect-error next.config.js is plain JavaScript without types
import nextConfig from "../next.config.js";
import { MAX_ATTACHMENT_BYTES } from "./admission/files";
import { MAX_CASE_FILES } from "./dispatch/schema";
import { MAX_IMPORT_BYTES } from "./catalogue/import/read";
import { MAX_DUTY_IMPORT_BYTES } from "./local-duties/schema";
import { exceedsRequestCap, fileTooLargeMessage, MAX_REQUEST_BYTES, MAX_REQUEST_MB } from "./uploads";

describe("upload limits", () => {
  it("keeps the framework's body caps equal to MAX_REQUEST_MB (next.config.js cannot import it)", () => {
    const experimental = (nextConfig as { experimental: { serverActions: { bodySizeLimit: string }; proxyClientMaxBodySize: string } }).experimental;
    expect(experimental.serverActions.bodySizeLimit).toBe(`${MAX_REQUEST_MB}mb`);
    expect(experimental.proxyClientMaxBodySize).toBe(`${MAX_REQUEST_MB}mb`);
  });

  it("puts the framework cap above every limit the app checks itself, with room for the form's other fields", () => {
    const largest = Math.max(MAX_ATTACHMENT_BYTES * MAX_CASE_FILES, MAX_IMPORT_BYTES, MAX_DUTY_IMPORT_BYTES);
    expect(MAX_REQUEST_BYTES - largest).toBeGreaterThanOrEqual(1024 * 1024);
  });

  it("reads Content-Length", () => {
    expect(exceedsRequestCap(String(MAX_REQUEST_BYTES))).toBe(false);
    expect(exceedsRequestCap(String(MAX_REQUEST_BYTES + 1))).toBe(true);
    expect(exceedsRequestCap(null)).toBe(false);
    expect(exceedsRequestCap("abc")).toBe(false);
  });

  it("words a file limit in MB", () => {
    expect(fileTooLargeMessage(10 * 1024 * 1024)).toBe("文件超过 10 MB，请压缩或拆分后再上传。");
  });
});
