// The centre's closure days on the calendar page: listed for the next year, added with a
// reason (a refused one said on its field), opened again; only for `case:assign`.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Closures } from "../src/pages/calendar/Closures";
import { answer, json, renderPage } from "./harness";

type Closure = { day: string; reason: string; created_at: string; created_by: null };
const state = { days: [] as Closure[], asked: [] as string[] };
answer(async (r) => {
  const url = new URL(r.url);
  state.asked.push(`${r.method} ${url.pathname}${url.search}`);
  if (r.method === "POST") {
    const body = (await r.json()) as { day: string; reason: string };
    if (state.days.some((d) => d.day === body.day)) return json({ title: "Conflict", status: 409, detail: "the centre is already closed on 2026-12-29" }, 409);
    if (!body.reason) return json({ title: "Bad Request", status: 400, errors: [{ field: "reason", message: "must not be empty" }] }, 400);
    const made = { ...body, created_at: "2026-12-06T10:00:00Z", created_by: null };
    state.days = [...state.days, made].sort((a, b) => a.day.localeCompare(b.day));
    return json(made, 201);
  }
  if (r.method === "DELETE") {
    const day = url.pathname.split("/").pop();
    state.days = state.days.filter((d) => d.day !== day);
    return new Response(null, { status: 204 });
  }
  return json(state.days);
});

beforeEach(() => {
  state.days = [{ day: "2026-12-24", reason: "Christmas Eve", created_at: "2026-12-01T10:00:00Z", created_by: null }];
  state.asked = [];
});

test("closure days are listed ahead, added with a reason and opened again, each said in a banner", async () => {
  renderPage(<Closures />);
  const user = userEvent.setup();
  const row = (await screen.findByText("Christmas Eve")).closest("tr")!;
  expect(within(row).getByText("24 Dec 2026")).toBeInTheDocument();
  expect(state.asked[0]).toMatch(/^GET \/api\/v1\/calendar\/closures\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$/);

  // No reason: the API names the field, and the summary links to it.
  await user.type(screen.getByLabelText("Day"), "29");
  await user.type(screen.getByLabelText("Month"), "12");
  await user.type(screen.getByLabelText("Year"), "2026");
  await user.click(screen.getByRole("button", { name: "Close the centre on this day" }));
  expect(await screen.findByRole("link", { name: "Why must not be empty" })).toHaveAttribute("href", "#closure-reason");

  await user.type(screen.getByLabelText(/^Why/), " Staff training ");
  await user.click(screen.getByRole("button", { name: "Close the centre on this day" }));
  expect(await screen.findByRole("status")).toHaveTextContent("The centre is closed on 29 Dec 2026 (Staff training). Deadlines counted in working days and new bookings skip it.");
  expect(await screen.findByText("Staff training")).toBeInTheDocument();
  expect(screen.getByLabelText(/^Why/)).toHaveValue("");

  await user.click(screen.getByRole("button", { name: /^Open again\s*on 24 Dec 2026$/ }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("24 Dec 2026 is a working day again."));
  await waitFor(() => expect(screen.queryByText("Christmas Eve")).toBeNull());
  expect(state.asked.filter((a) => !a.startsWith("GET"))).toEqual(["POST /api/v1/calendar/closures", "POST /api/v1/calendar/closures", "DELETE /api/v1/calendar/closures/2026-12-24"]);
});

test("with none ahead the page says so", async () => {
  state.days = [];
  renderPage(<Closures />);
  expect(await screen.findByText("No closure days in the next 12 months.")).toBeInTheDocument();
});
