// The centre's closure days on the calendar page: listed for a period the user chooses (the
// next 12 months unless the address names one, kept in the address), added with a reason
// (a refused one said on its field), opened again; only for `case:assign`.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useLocation } from "react-router-dom";
import { Closures, periodWords } from "../src/pages/calendar/Closures";
import { addDays, dayKey, startOfDay } from "../src/pages/calendar/calendar";
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
  // As the API answers: `from` and `to` inclusive, the end not before the start, each a date.
  const from = url.searchParams.get("from") ?? "";
  const to = url.searchParams.get("to") ?? "9999-12-31";
  if (!/^\d{4}-\d\d-\d\d$/.test(from) || from.slice(5, 7) > "12") {
    return json({ title: "Bad request", status: 400, detail: "the request is not valid: from: must be a date (YYYY-MM-DD)", errors: [{ field: "from", message: "must be a date (YYYY-MM-DD)" }] }, 400);
  }
  if (to < from) {
    return json({ title: "Unprocessable content", status: 422, detail: "to: must not be before from", errors: [{ field: "to", message: "must not be before from" }] }, 422);
  }
  return json(state.days.filter((d) => from <= d.day && d.day <= to));
});

/** The page's address, shown beside it: the period chosen is kept there. */
function Address() {
  return <output data-testid="address">{useLocation().search}</output>;
}

const iso = (days: number) => dayKey(addDays(startOfDay(new Date()), days));
const shown = (d: string) => new Date(`${d}T00:00:00`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
const group = (name: string) => screen.getByRole("group", { name });

async function typeDate(name: string, day: string, month: string, year: string) {
  const user = userEvent.setup();
  const g = group(name);
  for (const [box, text] of [["Day", day], ["Month", month], ["Year", year]] as const) {
    await user.clear(within(g).getByLabelText(box));
    if (text) await user.type(within(g).getByLabelText(box), text);
  }
}

beforeEach(() => {
  state.days = [
    { day: iso(17), reason: "Christmas Eve", created_at: "2026-12-01T10:00:00Z", created_by: null },
    { day: "2025-08-15", reason: "Office move", created_at: "2025-08-01T10:00:00Z", created_by: null },
  ];
  state.asked = [];
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

test("closure days are listed ahead, added with a reason and opened again, each said in a banner", async () => {
  renderPage(<Closures />);
  const user = userEvent.setup();
  const row = (await screen.findByText("Christmas Eve")).closest("tr")!;
  expect(within(row).getByText(shown(iso(17)))).toBeInTheDocument();
  expect(state.asked[0]).toBe(`GET /api/v1/calendar/closures?from=${iso(0)}&to=${iso(365)}`);
  const ahead = `in the next 12 months (${shown(iso(0))} to ${shown(iso(365))})`;
  expect(screen.getByText(`1 closure day ${ahead}`, { selector: "caption" })).toBeInTheDocument();
  expect(screen.getByRole("heading", { name: `Closure days ${ahead}` })).toBeInTheDocument();
  expect(screen.queryByText("Office move")).toBeNull();

  // No reason: the API names the field, and the summary links to it.
  await typeDate("Date", "29", "12", String(new Date().getFullYear() + 1));
  await user.click(screen.getByRole("button", { name: "Close the centre on this day" }));
  expect(await screen.findByRole("link", { name: "Why must not be empty" })).toHaveAttribute("href", "#closure-reason");

  await user.type(screen.getByLabelText(/^Why/), " Staff training ");
  await user.click(screen.getByRole("button", { name: "Close the centre on this day" }));
  const closedOn = `${new Date().getFullYear() + 1}-12-29`;
  const inList = closedOn <= iso(365);
  expect(await screen.findByRole("status")).toHaveTextContent(
    `The centre is closed on ${shown(closedOn)} (Staff training). Deadlines counted in working days and new bookings skip it.${inList ? "" : ` It is not in the period listed (${ahead}).`}`,
  );
  expect(screen.getByLabelText(/^Why/)).toHaveValue("");

  await user.click(screen.getByRole("button", { name: new RegExp(`^Open again\\s*on ${shown(iso(17))}$`) }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(`${shown(iso(17))} is a working day again.`));
  await waitFor(() => expect(screen.queryByText("Christmas Eve")).toBeNull());
  expect(state.asked.filter((a) => !a.startsWith("GET"))).toEqual(["POST /api/v1/calendar/closures", "POST /api/v1/calendar/closures", `DELETE /api/v1/calendar/closures/${iso(17)}`]);
});

test("with none ahead the page says so, naming the period", async () => {
  state.days = [];
  renderPage(<Closures />);
  expect(await screen.findByText(`No closure days in the next 12 months (${shown(iso(0))} to ${shown(iso(365))}).`)).toBeInTheDocument();
});

test("a period the address names is listed, and one chosen is put in the address, asked of the API and said in the caption and the box's name", async () => {
  vi.stubGlobal("ResizeObserver", class { observe() {} disconnect() {} });
  vi.spyOn(HTMLElement.prototype, "scrollWidth", "get").mockReturnValue(700);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(360);
  renderPage(
    <>
      <Closures />
      <Address />
    </>,
    { route: "/calendar?closures_from=2025-01-01&closures_to=2025-12-31" },
  );
  expect(await screen.findByText("Office move")).toBeInTheDocument();
  expect(state.asked[0]).toBe("GET /api/v1/calendar/closures?from=2025-01-01&to=2025-12-31");
  expect(screen.getByText("1 closure day from 1 Jan 2025 to 31 Dec 2025", { selector: "caption" })).toBeInTheDocument();
  expect(await screen.findByRole("region", { name: "Closure days from 1 Jan 2025 to 31 Dec 2025 (scrolls sideways)" })).toBeInTheDocument();
  expect(within(group("From")).getByLabelText("Year")).toHaveValue("2025");
  expect(screen.queryByText("Christmas Eve")).toBeNull();

  // A quarter with nothing closed: the empty state names it.
  await typeDate("From", "1", "1", "2024");
  await typeDate("To", "31", "3", "2024");
  await userEvent.click(screen.getByRole("button", { name: "Show closure days" }));
  expect(await screen.findByText("No closure days from 1 Jan 2024 to 31 Mar 2024.")).toBeInTheDocument();
  expect(screen.getByTestId("address")).toHaveTextContent("?closures_from=2024-01-01&closures_to=2024-03-31");
  expect(state.asked.at(-1)).toBe("GET /api/v1/calendar/closures?from=2024-01-01&to=2024-03-31");

  // One day: said as that day.
  await typeDate("From", "15", "8", "2025");
  await typeDate("To", "15", "8", "2025");
  await userEvent.click(screen.getByRole("button", { name: "Show closure days" }));
  expect(await screen.findByText("1 closure day on 15 Aug 2025", { selector: "caption" })).toBeInTheDocument();

  // The links: the past 12 months, then back to the next 12 (nothing in the address).
  await userEvent.click(screen.getByRole("link", { name: "the past 12 months" }));
  await waitFor(() => expect(state.asked.at(-1)).toBe(`GET /api/v1/calendar/closures?from=${iso(-365)}&to=${iso(0)}`));
  expect(screen.getByTestId("address")).toHaveTextContent(`?closures_from=${iso(-365)}&closures_to=${iso(0)}`);
  expect(within(group("From")).getByLabelText("Day")).toHaveValue(String(Number(iso(-365).slice(8))));
  await userEvent.click(screen.getByRole("link", { name: "the next 12 months" }));
  expect(await screen.findByText("Christmas Eve")).toBeInTheDocument();
  expect(screen.getByTestId("address")).toBeEmptyDOMElement();
  expect(state.asked.at(-1)).toBe(`GET /api/v1/calendar/closures?from=${iso(0)}&to=${iso(365)}`);
});

test("a period that is not one is refused on its field: typed wrong before asking, the API's problem once asked", async () => {
  renderPage(
    <>
      <Closures />
      <Address />
    </>,
    { route: "/calendar?closures_from=2025-01-01&closures_to=2025-12-31" },
  );
  await screen.findByText("Office move");
  const asked = state.asked.length;

  // Not a date, and no date: said in the pattern's words without asking the API.
  await typeDate("From", "31", "2", "2025");
  await typeDate("To", "", "", "");
  await userEvent.click(screen.getByRole("button", { name: "Show closure days" }));
  expect(await screen.findByRole("link", { name: "From must be a real date" })).toHaveAttribute("href", "#closures-from");
  expect(screen.getByRole("link", { name: "To must include a day, a month and a year" })).toHaveAttribute("href", "#closures-to");
  expect(within(group("From")).getByText("must be a real date")).toBeInTheDocument();
  expect(state.asked.length).toBe(asked);
  expect(screen.getByTestId("address")).toHaveTextContent("?closures_from=2025-01-01&closures_to=2025-12-31");

  // The end before the start: the API's problem, next to the field it names.
  await typeDate("From", "1", "6", "2026");
  await typeDate("To", "1", "1", "2026");
  await userEvent.click(screen.getByRole("button", { name: "Show closure days" }));
  expect(await screen.findByRole("link", { name: "To must not be before from" })).toHaveAttribute("href", "#closures-to");
  expect(within(group("To")).getByText("must not be before from")).toBeInTheDocument();
  expect(screen.getByText("No closure days are listed: change the period.")).toBeInTheDocument();
  expect(screen.getByRole("heading", { name: "Closure days: choose a period" })).toBeInTheDocument();
  expect(screen.queryByText("Office move")).toBeNull();
  expect(state.asked.at(-1)).toBe("GET /api/v1/calendar/closures?from=2026-06-01&to=2026-01-01");
});

test("a link whose period is not a date shows the API's problem next to the field", async () => {
  renderPage(<Closures />, { route: "/calendar?closures_from=2025-13-01&closures_to=2025-12-31" });
  expect(await screen.findByRole("link", { name: "From must be a date (YYYY-MM-DD)" })).toHaveAttribute("href", "#closures-from");
  // The boxes hold what the link said, and say what is wrong with it in the pattern's words.
  expect(within(group("From")).getByText("must be a real date")).toBeInTheDocument();
  expect(screen.getByText("No closure days are listed: change the period.")).toBeInTheDocument();
  expect(state.asked).toEqual(["GET /api/v1/calendar/closures?from=2025-13-01&to=2025-12-31"]);
});

test("a day closed outside the period listed is said to be so", async () => {
  renderPage(<Closures />, { route: "/calendar?closures_from=2025-01-01&closures_to=2025-12-31" });
  await screen.findByText("Office move");
  await typeDate("Date", "2", "1", "2026");
  await userEvent.type(screen.getByLabelText(/^Why/), "Stocktake");
  await userEvent.click(screen.getByRole("button", { name: "Close the centre on this day" }));
  expect(await screen.findByRole("status")).toHaveTextContent(
    "The centre is closed on 2 Jan 2026 (Stocktake). Deadlines counted in working days and new bookings skip it. It is not in the period listed (from 1 Jan 2025 to 31 Dec 2025).",
  );
});

test("the period in words", () => {
  expect(periodWords("2025-01-01", "2025-12-31", false)).toBe("from 1 Jan 2025 to 31 Dec 2025");
  expect(periodWords("2025-08-15", "2025-08-15", false)).toBe("on 15 Aug 2025");
  expect(periodWords("2026-12-07", "2027-12-07", true)).toBe("in the next 12 months (7 Dec 2026 to 7 Dec 2027)");
});
