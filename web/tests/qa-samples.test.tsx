// Older QA samples are reached by paging (the page showed the five newest and no more);
// the newest alone is "Latest sample"; the two lists that page are two named landmarks.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { answer, emptyPage, json, renderPage } from "./harness";

const state = { offsets: [] as string[] };
const sample = (n: number) => ({ id: `s${n}`, seed: `seed-${n}`, quota: 2, picks: {}, drawn_at: "2026-12-01T10:00:00Z" });
answer((input) => {
  const url = new URL(input.url);
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
  return json(emptyPage());
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "u1", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { QaPage } from "../src/pages/supervisor/Qa";

test("older samples are a page on; only the newest is the latest", async () => {
  renderPage(<QaPage />);
  expect(await screen.findByRole("heading", { name: /^Latest sample: seed “seed-7”/ })).toBeInTheDocument();
  expect(screen.queryByText(/seed “seed-2”/)).toBeNull();
  const pages = await screen.findByRole("navigation", { name: "Samples, by page" });
  expect(pages).toHaveTextContent("Page 1 of 2 (7 in all)");
  fireEvent.click(screen.getAllByRole("button", { name: /^Next ?page$/ })[0] as HTMLElement);
  expect(await screen.findByRole("heading", { name: /^Sample: seed “seed-2”/ })).toBeInTheDocument();
  expect(screen.queryByRole("heading", { name: /^Latest sample/ })).toBeNull();
  await waitFor(() => expect(state.offsets).toContain("5/5"));
});
