import { describe, expect, it } from "vitest";
import { REQUEST_TOO_LARGE_MESSAGE } from "@/lib/uploads";
import { thrownMessage } from "./use-action";

describe("thrownMessage", () => {
  it("shows the proxy's Chinese answer to an oversized upload, and nothing else a throw carries", () => {
    expect(thrownMessage(new Error(REQUEST_TOO_LARGE_MESSAGE))).toBe(REQUEST_TOO_LARGE_MESSAGE);
    expect(thrownMessage(new Error("An unexpected response was received from the server."))).toBe("网络或系统错误，操作未完成，请重试。");
    expect(thrownMessage(new TypeError("Failed to fetch"))).toBe("网络或系统错误，操作未完成，请重试。");
  });
});
