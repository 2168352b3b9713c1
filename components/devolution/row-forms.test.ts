import { describe, expect, it, vi } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));
vi.mock("@/lib/devolution/actions", () => ({ arbitrateAction: vi.fn(), commentAction: vi.fn(), proposeAction: vi.fn(), respondAction: vi.fn() }));

const { ArbitrationForm, ProposalForm } = await import("./row-forms");

/** The label of the textarea posted as `name`, and its attributes. */
function reasonField(html: string, name: string) {
  const textarea = html.match(new RegExp(`<textarea[^>]*name="${name}"[^>]*>`))?.[0];
  const id = textarea?.match(/id="([^"]+)"/)?.[1];
  const label = html.match(new RegExp(`<label for="${id}"[^>]*>(.*?)</label>`))?.[1] ?? "";
  return { textarea: textarea ?? "", label: label.replace(/<[^>]+>/g, "") };
}

describe("ArbitrationForm", () => {
  it("labels the ruling's note 裁决意见, marks it required and carries the schema's limit, whatever the decision", () => {
    for (const decision of ["ACCEPT", "DEFER", ""] as const) {
      const html = renderToStaticMarkup(createElement(ArbitrationForm, { id: 7, initial: { decision, streetDuty: "", departmentDuty: "" } }));
      const { textarea, label } = reasonField(html, "note");
      expect(label).toBe("裁决意见*");
      expect(textarea).toContain('maxLength="1000"');
      expect(html).toContain("最多 1000 字");
      expect(html).not.toContain("备注（可选）");
    }
  });

  it("leaves the department's own form as it was: 备注（可选） when accepting, 理由 otherwise", () => {
    const html = renderToStaticMarkup(createElement(ProposalForm, { roundId: 1, id: 7, initial: { proposal: "ACCEPT", reason: "", streetDuty: "", departmentDuty: "" } }));
    expect(reasonField(html, "reason").label).toBe("备注（可选）");
    const deferred = renderToStaticMarkup(createElement(ProposalForm, { roundId: 1, id: 7, initial: { proposal: "DEFER", reason: "", streetDuty: "", departmentDuty: "" } }));
    expect(reasonField(deferred, "reason").label).toBe("理由*");
  });
});
