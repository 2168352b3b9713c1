// Upload size limits, shared by forms, server actions, route handlers and proxy.ts.
//
// Two layers: each upload checks its own limit first and answers in Chinese (文件超过 … MB);
// the framework's caps on a whole request body sit above every such limit, so the app's own
// check always gets to answer. Anything beyond the framework cap is refused by proxy.ts with
// REQUEST_TOO_LARGE_MESSAGE before the body is read.

const MB = 1024 * 1024;

/**
 * Cap on a request body, in MB. next.config.js repeats it (serverActions.bodySizeLimit and
 * proxyClientMaxBodySize, which cannot import TypeScript); lib/uploads.test.ts keeps them equal.
 * Above the largest upload: a 派单 report with 5 attachments of 10 MB each.
 */
export const MAX_REQUEST_MB = 64;
export const MAX_REQUEST_BYTES = MAX_REQUEST_MB * MB;

export const REQUEST_TOO_LARGE_MESSAGE = `上传的内容超过 ${MAX_REQUEST_MB} MB，没有保存。请压缩或拆分文件后再上传。`;

/** The one wording of "this file is over its limit". */
export function fileTooLargeMessage(limitBytes: number) {
  return `文件超过 ${Math.round(limitBytes / MB)} MB，请压缩或拆分后再上传。`;
}

/** Whether a request announces a body above the framework cap (browsers always send Content-Length for forms and files). */
export function exceedsRequestCap(contentLength: string | null) {
  const n = Number(contentLength);
  return Number.isFinite(n) && n > MAX_REQUEST_BYTES;
}
