// Older QA samples are reached by paging (the page showed the five newest and no more);
// the newest alone is "Latest sample"; the two lists that page are two named landmarks.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";

const state = vi.hoisted(() => ({ offsets: [] as string[] }));
vi.hoisted(() => {
  const sample = (n: number) => ({ id: `s${n}`, seed: `seed-${n}`, quota: 2, picks: {}, drawn_at: "2026-12-01T10:00:00Z" });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
    if (url.pathname === "/api/v1/qa/samples") {
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const limit = Number(url.searchParams.get("limit"));
      state.offsets.push(`${offset}/${limit}`);
      const all = [7, 6, 5, 4, 3, 2, 1].map(sample);
      return json({ items: all.slice(offset, offset + limit), total: 7, limit, offset });
    }
    if (url.pathname === "/api/v1/qa/reviews") {
      return json({ items: [], total: 45, limit: 20, offset: 0 });
    }
    return json({ items: [], total: 0, limit: 200, offset: 0, next_cursor: null });
  }) as typeof fetch;
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "u1", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { QaPage } from "../src/pages/supervisor/Qa";

test("older samples are a page on; only the newest is the latest", async () => {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <MemoryRouter>
        <QaPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  expect(await screen.findByRole("heading", { name: /^Latest sample: seed “seed-7”/ })).toBeInTheDocument();
  expect(screen.queryByText(/seed “seed-2”/)).toBeNull();
  const pages = await screen.findByRole("navigation", { name: "Samples, by page" });
  expect(pages).toHaveTextContent("Page 1 of 2 (7 in all)");
  fireEvent.click(screen.getAllByRole("button", { name: /^Next ?page$/ })[0] as HTMLElement);
  expect(await screen.findByRole("heading", { name: /^Sample: seed “seed-2”/ })).toBeInTheDocument();
  expect(screen.queryByRole("heading", { name: /^Latest sample/ })).toBeNull();
  await waitFor(() => expect(state.offsets).toContain("5/5"));
});
