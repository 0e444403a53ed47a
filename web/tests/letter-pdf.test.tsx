// A letter's PDF the API cannot serve says so on the page, in the API's words (the link
// did nothing before: the failure was swallowed).
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";

vi.hoisted(() => {
  const letter = {
    id: "l1", case_id: "k1", kind: "advice_summary", subject: "Your advice summary", html: "<p>x</p>", debt_id: null,
    template_version: null, created_at: "2026-12-01T10:00:00Z", sent_at: null, version: 1,
  };
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    const json = (body: unknown, status = 200, type = "application/json") =>
      new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
    if (url.pathname.endsWith("/letters/l1") && url.searchParams.get("format") === "pdf")
      return json({ type: "about:blank", title: "Not found", status: 404, detail: "letter l1 was not found" }, 404, "application/problem+json");
    if (url.pathname.endsWith("/letters")) return json({ items: [letter], total: 1, limit: 200, offset: 0, next_cursor: null });
    return json({ items: [], total: 0, limit: 200, offset: 0, next_cursor: null });
  }) as typeof fetch;
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "u1", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { Letters } from "../src/pages/case/Letters";

test("a PDF the API refuses is reported, not silently dropped", async () => {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <MemoryRouter>
        <Letters caseId="k1" />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  fireEvent.click(await screen.findByRole("button", { name: /^PDF/ }));
  expect(await screen.findByText("letter l1 was not found")).toBeInTheDocument();
});
