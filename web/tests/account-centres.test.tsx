// The centres you work for on the Account page: listed by name with your roles, the current
// one marked, a switched-off one not offered; switching asks the session for the chosen
// centre's id and says where you now work; one centre only: no table, no switch; a refused
// switch is shown, not lost.
import { fireEvent, screen } from "@testing-library/react";
import { answer, json, renderPage } from "./harness";

const state = vi.hoisted(() => ({
  switched: [] as string[],
  refuse: false,
  items: [] as unknown[],
  queries: [] as string[],
}));
answer(async (input) => {
  const url = new URL(input.url);
  state.queries.push(url.search);
  return json({ items: state.items, total: state.items.length, limit: 20, offset: 0, next_cursor: null });
});

vi.mock("../src/auth/session", () => ({
  useSession: () => ({
    switchCentre: async (id: string) => {
      if (state.refuse) throw new Error("Your membership there is switched off.");
      state.switched.push(id);
    },
  }),
}));

import { YourCentres } from "../src/pages/AccountCentres";

const NORTH = { centre_id: "c-north", name: "Northside Money Advice", roles: ["adviser", "supervisor"], current: true, active: true };
const RIVER = { centre_id: "c-river", name: "Riverside Debt Help", roles: ["caseworker"], current: false, active: true };
const HILL = { centre_id: "c-hill", name: "Hillside Advice", roles: ["adviser"], current: false, active: false };

beforeEach(() => {
  state.switched.length = 0;
  state.queries.length = 0;
  state.refuse = false;
});

test("centres by name with roles; the current marked, a switched-off one not offered; switching says where", async () => {
  state.items = [HILL, NORTH, RIVER];
  renderPage(<YourCentres />);
  expect(await screen.findByText("Riverside Debt Help")).toBeInTheDocument();
  expect(state.queries[0]).toContain("limit=20");
  expect(screen.getByText("You work for 3 centres.", { exact: false })).toBeInTheDocument();
  expect(screen.getByText(/you start in the centre you last switched to/)).toBeInTheDocument();
  expect(screen.getByText("adviser, supervisor")).toBeInTheDocument();
  expect(screen.getByText("working here now")).toBeInTheDocument();
  expect(screen.getByText("switched off by its admin")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Switch to Hillside Advice" })).toBeNull();
  expect(screen.queryByRole("button", { name: "Switch to Northside Money Advice" })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Switch to Riverside Debt Help" }));
  expect(await screen.findByText("You are now working for Riverside Debt Help.")).toBeInTheDocument();
  expect(state.switched).toEqual(["c-river"]);
});

test("one centre: named, no table and nothing to switch to", async () => {
  state.items = [NORTH];
  renderPage(<YourCentres />);
  expect(await screen.findByText(/You work for one centre: Northside Money Advice\./)).toBeInTheDocument();
  expect(screen.queryByRole("table")).toBeNull();
  expect(screen.queryByRole("button", { name: /^Switch/ })).toBeNull();
});

test("a refused switch is shown and the list stays", async () => {
  state.items = [NORTH, RIVER];
  state.refuse = true;
  renderPage(<YourCentres />);
  fireEvent.click(await screen.findByRole("button", { name: "Switch to Riverside Debt Help" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Your membership there is switched off.");
  expect(screen.getByText("Riverside Debt Help")).toBeInTheDocument();
  expect(state.switched).toEqual([]);
});
