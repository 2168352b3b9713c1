import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { formDataToInput } from "@/lib/forms";
import { proposeSchema } from "@/lib/devolution/schema";
import { HiddenFields } from "./form";

/** The form a browser would post from the rendered hidden inputs. */
function posted(html: string) {
  const form = new FormData();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)) form.append(m[1], m[2]);
  return form;
}

describe("HiddenFields", () => {
  it("posts a bulk selection as repeated fields that the schema reads back as arrays", async () => {
    const html = renderToStaticMarkup(createElement(HiddenFields, { values: { roundId: 4, itemIds: [7, 8, 9], streetIds: [11], proposal: "DEFER", reason: "条件不足", skip: null } }));
    expect(html.match(/name="itemIds"/g)).toHaveLength(3);
    expect(html).not.toContain("skip");
    const input = await formDataToInput(proposeSchema, posted(html));
    const parsed = proposeSchema.parse(input);
    expect(parsed).toMatchObject({ roundId: 4, itemIds: [7, 8, 9], streetIds: [11], proposal: "DEFER", reason: "条件不足" });
  });

  it("posts an empty selection as no field, which the schema reports", async () => {
    const html = renderToStaticMarkup(createElement(HiddenFields, { values: { roundId: 4, itemIds: [], streetIds: [], proposal: "ACCEPT" } }));
    const result = proposeSchema.safeParse(await formDataToInput(proposeSchema, posted(html)));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["itemIds", "streetIds"]));
  });
});
