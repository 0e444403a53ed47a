// The spending guidelines' periods and imports: read a page at a time (cursor) and filtered
// by the API, as the admin asks for them.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { answer, json, renderPage } from "./harness";

const net: URL[] = [];
const period = (from: string, inForce: boolean) => ({ valid_from: from, valid_to: null, source: "SFS", rows: 9, households: ["1 adult"], in_force: inForce });
const imp = (id: string, source: string) => ({ id, source, imported_at: "2026-12-01T10:00:00Z", imported_by: null, rows: 18, added: 18, removed: 0, changed: 0 });
answer((req) => {
  const url = new URL(req.url);
  net.push(url);
  const q = url.searchParams;
  let body: unknown;
  if (url.pathname.endsWith("/periods")) {
    body =
      q.get("in_force") === "false"
        ? { items: [period("2024-04-01", false)], total: 1, limit: 20, offset: 0, next_cursor: null }
        : q.get("cursor")
          ? { items: [period("2024-04-01", false)], total: 2, limit: 20, offset: 0, next_cursor: null }
          : { items: [period("2025-04-07", true)], total: 2, limit: 20, offset: 0, next_cursor: "p2" };
  } else {
    body = q.get("source") === "nothing" ? { items: [], total: 0, limit: 20, offset: 0, next_cursor: null } : { items: [imp("i1", "E2E figures")], total: 1, limit: 20, offset: 0, next_cursor: null };
  }
  return json(body);
});

import { ImportsTable, PeriodsTable } from "../src/pages/admin/Reference";

function show(ui: React.ReactNode) {
  return renderPage(ui);
}

describe("guidelines lists", () => {
  beforeEach(() => {
    net.length = 0;
  });

  it("pages the periods on with the cursor and filters them by in force", async () => {
    show(<PeriodsTable />);
    const table = await screen.findByRole("table", { name: "2 periods, the newest 1 shown" });
    expect(within(table).getAllByRole("row")).toHaveLength(2);
    fireEvent.click(screen.getByRole("button", { name: "Show more periods" }));
    await screen.findByRole("table", { name: "2 periods" });
    expect(net.map((u) => u.searchParams.get("cursor"))).toEqual([null, "p2"]);
    fireEvent.change(screen.getByLabelText("Show"), { target: { value: "no" } });
    await screen.findByRole("table", { name: "1 period" });
    expect(net.at(-1)!.searchParams.get("in_force")).toBe("false");
  });

  it("filters the imports by their source and says when none matches", async () => {
    show(<ImportsTable />);
    expect(await screen.findByRole("cell", { name: "E2E figures" })).toBeInTheDocument();
    expect(net[0]!.searchParams.get("source")).toBeNull();
    fireEvent.change(screen.getByLabelText("Source contains"), { target: { value: "nothing" } });
    fireEvent.click(screen.getByRole("button", { name: "Filter imports" }));
    expect(await screen.findByText("No import’s source contains “nothing”.")).toBeInTheDocument();
    await waitFor(() => expect(net.at(-1)!.searchParams.get("source")).toBe("nothing"));
  });
});
