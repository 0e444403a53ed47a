// The case's Debts table: each debt's priority explained in words with its rule, and the
// totals an adviser weighs first (priority, non-priority, all).
import { screen, within } from "@testing-library/react";
import type { Schemas } from "../src/api/client";
import { answer, emptyPage, json, renderPage } from "./harness";

type Debt = Schemas["DebtOut"];

const state = { debts: [] as unknown[], next: null as string | null, later: [] as unknown[], asked: [] as string[] };
answer((input) => {
  const url = new URL(input.url);
  if (url.pathname.endsWith("/reference-format")) {
    // A creditor whose references on the centre's debts look like "AA-999999".
    const reference = url.searchParams.get("reference");
    state.asked.push(reference ?? "");
    const format = {
      creditor_id: "q1", source: "learned", pattern: "[A-Za-z]{2}\\-[0-9]{6}", example: "AA-999999",
      references: 3, fits: reference === null ? null : /^[A-Za-z]{2}-[0-9]{6}$/.test(reference),
    };
    return json(format);
  }
  // The debts page by key: a first page, then (after `state.next`) the debts `state.later`.
  const total = state.debts.length + state.later.length;
  const after = url.searchParams.get("cursor");
  const body = url.pathname.endsWith("/debts")
    ? after !== null && after === state.next
      ? { items: state.later, total, limit: 200, offset: 0, next_cursor: null }
      : { items: state.debts, total, limit: 200, offset: 0, next_cursor: state.next }
    : emptyPage();
  return json(body);
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "a", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { Debts, ReferenceCheck, priorityBasis } from "../src/pages/case/Debts";

function debt(id: string, pence: number, priority: boolean, extra: Partial<Debt["priority"]> = {}): Debt {
  return {
    id,
    creditor_name: `Creditor ${id}`,
    debt_type: priority ? "council_tax" : "credit_card",
    balance_pence: pence,
    account_reference: null,
    priority: {
      is_priority: priority,
      basis: "table",
      rule_id: priority ? "PRI-T01" : "PRI-T13",
      treatment: priority ? "priority" : "non_priority",
      sanction: priority ? "imprisonment (England)" : "county court judgment, then enforcement",
      source: "CPAG",
      needs_adviser_decision: false,
      flags: [],
      override_reason: null,
      ...extra,
    },
    limitation: { status: "unknown", warning: false, expires_on: null },
  } as unknown as Debt;
}

function show() {
  renderPage(<Debts caseId="k1" />);
}

test("the totals split priority from non-priority debts", async () => {
  state.debts = [debt("a", 120_000, true), debt("b", 42_050, false), debt("c", 10_000, false)];
  state.next = null;
  show();
  const priority = (await screen.findByText("Priority debts (1)")).closest("tr")!;
  expect(within(priority).getByText("£1,200.00")).toBeInTheDocument();
  const other = screen.getByText("Non-priority debts (2)").closest("tr")!;
  expect(within(other).getByText("£520.50")).toBeInTheDocument();
  const all = screen.getByText("All debts").closest("tr")!;
  expect(within(all).getByText("£1,720.50")).toBeInTheDocument();
});

test("a list with more pages is read whole: its totals are of every debt", async () => {
  state.debts = [debt("a", 100, false)];
  state.next = "more";
  state.later = [debt("b", 250, false)];
  show();
  const all = (await screen.findByText("All debts")).closest("tr")!;
  expect(within(all).getByText("£3.50")).toBeInTheDocument();
  expect(screen.queryByText(/All debts shown/)).toBeNull();
  state.later = [];
  state.next = null;
});

test("a debt whose reference is unlike its creditor's is flagged in the list, saying by what", async () => {
  state.debts = [
    { ...debt("a", 100, false), account_reference: "QF-55009", reference_matches: false, reference_format: "learned" },
    { ...debt("b", 100, false), account_reference: "QF-550091", reference_matches: true, reference_format: "learned" },
    { ...debt("c", 100, false), account_reference: "123", reference_matches: false, reference_format: "directory" },
  ];
  state.next = null;
  show();
  const typo = (await screen.findByText("QF-55009")).closest("td")!;
  expect(within(typo).getByText("check reference")).toBeInTheDocument();
  expect(within(typo).getByText("Unlike the references on the centre's other debts to this creditor")).toBeInTheDocument();
  expect(within(screen.getByText("QF-550091").closest("td")!).queryByText("check reference")).toBeNull();
  const held = screen.getByText("123").closest("td")!;
  expect(within(held).getByText("Does not match the format set for this creditor")).toBeInTheDocument();
});

test("the priority is explained in words, citing the rule", () => {
  expect(priorityBasis(debt("a", 1, false).priority)).toBe(
    "Worst sanction: county court judgment, then enforcement (rule PRI-T13)",
  );
  const over = debt("b", 1, true, { basis: "override", override_reason: "Goods essential to work" }).priority;
  expect(priorityBasis(over)).toBe("Set by the adviser: Goods essential to work (rule PRI-T01)");
});

function check(reference: string, creditorId = "q1") {
  return renderPage(<ReferenceCheck creditorId={creditorId} name="Quarryford Finance" reference={reference} />);
}

test("a reference unlike the creditor's others is flagged for checking, never refused", async () => {
  check("QF-55009");
  expect(await screen.findByText(/references on your debts look like AA-999999 \(3 of them\)/)).toBeInTheDocument();
  expect(await screen.findByRole("status")).toHaveTextContent("does not look like Quarryford Finance's others");
});

test("a reference of the creditor's shape is not flagged, and no creditor asks nothing", async () => {
  check("QF-550091");
  expect(await screen.findByText(/look like AA-999999/)).toBeInTheDocument();
  expect(screen.queryByRole("status")).toBeNull();
  state.asked = [];
  const { container } = check("QF-1", "");
  await new Promise((r) => setTimeout(r, 500));
  expect(container).toBeEmptyDOMElement();
  expect(state.asked).toEqual([]);
});
