// A letter's PDF the API cannot serve says so on the page, in the API's words (the link
// did nothing before: the failure was swallowed).
import { fireEvent, screen } from "@testing-library/react";
import { answer, emptyPage, json, page, renderPage } from "./harness";

const letter = {
  id: "l1", case_id: "k1", kind: "advice_summary", subject: "Your advice summary", html: "<p>x</p>", debt_id: null,
  template_version: null, created_at: "2026-12-01T10:00:00Z", sent_at: null, version: 1,
};
answer((input) => {
  const url = new URL(input.url);
  if (url.pathname.endsWith("/letters/l1") && url.searchParams.get("format") === "pdf")
    return json({ type: "about:blank", title: "Not found", status: 404, detail: "letter l1 was not found" }, 404);
  if (url.pathname.endsWith("/letters")) return json(page([letter]));
  return json(emptyPage());
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "u1", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { Letters } from "../src/pages/case/Letters";

test("a PDF the API refuses is reported, not silently dropped", async () => {
  renderPage(<Letters caseId="k1" />);
  fireEvent.click(await screen.findByRole("button", { name: /^PDF/ }));
  expect(await screen.findByText("letter l1 was not found")).toBeInTheDocument();
});
