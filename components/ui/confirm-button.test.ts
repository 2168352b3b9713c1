import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ConfirmButton, ConfirmDialog } from "./confirm-button";

const props = { title: "确认删除？", message: "删除后不能恢复。", confirmLabel: "删除" };
/** React's useId values differ between two trees; the markup is otherwise the same. */
const withoutIds = (html: string) => html.replace(/_R_[0-9a-z]+_|«[^»]+»|:r[0-9a-z]+:/g, "ID");

describe("ConfirmButton", () => {
  it("renders the shared ConfirmDialog (one dialog markup), with a submit button for `form`", () => {
    const buttonProps: Parameters<typeof ConfirmButton>[0] = { ...props, form: "bulk", children: "删除" };
    const button = renderToStaticMarkup(createElement(ConfirmButton, buttonProps));
    const dialog = renderToStaticMarkup(
      createElement(ConfirmDialog, { ...props, form: "bulk", dialogProps: { dialog: { current: null }, action: { current: () => {} } } }),
    );
    expect(withoutIds(button)).toContain(withoutIds(dialog));
    expect(dialog).toMatch(/<button type="submit" form="bulk"/);
  });

  it("is the only place with the dialog's markup", () => {
    const source = readFileSync(path.join(import.meta.dirname, "confirm-button.tsx"), "utf8");
    expect(source.match(/<dialog\s+ref=/g)).toHaveLength(1);
  });
});

/** Forms confirm through useActionForm's `confirm` option, not a hand-written gate on onSubmit. */
describe("confirming forms", () => {
  const root = path.join(import.meta.dirname, "..");
  for (const file of ["admission/appraisal-forms.tsx", "admission/step-panel.tsx", "admission/task-register.tsx", "dispatch/case-forms.tsx"]) {
    it(file, () => {
      const source = readFileSync(path.join(root, file), "utf8");
      expect(source).not.toMatch(/confirmed\.current/);
    });
  }
});
