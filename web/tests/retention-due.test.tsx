// What the next retention run would delete, and what a legal hold keeps back: each case
// named by its reference and linked; an empty list says so.
import { screen, within } from "@testing-library/react";
import { answer, json, renderPage } from "./harness";

answer((input) => {
  const url = new URL(input.url);
  if (url.pathname === "/api/v1/retention/due") {
    return json({ retention_years: 7, due: 2, would_delete_cases: ["c1", "c2"], held_cases: [], checked_at: "2026-12-06T02:00:00Z" });
  }
  const id = url.pathname.split("/").pop();
  return json({ id, reference: id === "c1" ? "C-000101" : "C-000102" });
});

import { RetentionPage } from "../src/pages/privacy/Retention";

test("the cases the next run would delete are named and linked; no held case is said so", async () => {
  renderPage(<RetentionPage />);
  expect(await screen.findByText(/kept 7 years after closure/)).toBeInTheDocument();
  const heading = screen.getByRole("heading", { name: "Would be deleted (2)" });
  const list = heading.nextElementSibling as HTMLElement;
  expect(await within(list).findByRole("link", { name: "Case C-000101" })).toHaveAttribute("href", "/cases/c1");
  expect(await within(list).findByRole("link", { name: "Case C-000102" })).toHaveAttribute("href", "/cases/c2");
  expect(screen.getByRole("heading", { name: "Kept back by a legal hold (0)" })).toBeInTheDocument();
  expect(screen.getByText("No file due for disposal is held.")).toBeInTheDocument();
});
