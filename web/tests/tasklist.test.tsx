// What each role is offered on a task in the work queue.
import { QueryClient } from "@tanstack/react-query";
import { fireEvent, screen } from "@testing-library/react";
import type { Schemas } from "../src/api/client";
import { answer, json, renderPage } from "./harness";

const perms = vi.hoisted(() => ({ current: [] as string[] }));
vi.mock("../src/auth/session", () => ({
  useMe: () => ({
    me: { user_id: "me-1", centre_id: "c", roles: [], permissions: perms.current },
    can: (p: string) => perms.current.includes(p),
  }),
}));
// The staff directory, for the reassign list.
answer(() => json({ items: [{ id: "u2", display_name: "Sam Adviser", active: true, roles: ["adviser"] }], total: 1, limit: 200, offset: 0 }));

import { TaskList } from "../src/pages/queue/TaskList";

const task: Schemas["TaskOut"] = {
  id: "t1",
  title: "Chase statements",
  kind: "general",
  status: "open",
  priority: "normal",
  overdue: false,
  assignee_id: null,
  assignee_name: null,
  case_id: "c1",
  due_at: null,
  closed_at: null,
  closed_by: null,
  closed_by_name: null,
  created_at: "2026-12-01T09:00:00Z",
  created_by: null,
  created_by_name: null,
  outcome_note: null,
  version: 2,
};

function show(tasks: Schemas["TaskOut"][]) {
  return renderPage(<TaskList tasks={tasks} caption="My tasks" />, { client: new QueryClient() });
}

describe("TaskList", () => {
  it("lets someone without task:assign take an unassigned task, not give it away", () => {
    perms.current = ["task:write"];
    show([task]);
    fireEvent.click(screen.getByText("Complete or change"));
    expect(screen.getByRole("button", { name: /^Take this task\s*Chase statements$/ })).toBeInTheDocument();
    expect(screen.queryByLabelText("Assign to")).toBeNull();
    expect(screen.getByRole("button", { name: /^Complete task\s*Chase statements$/ })).toBeInTheDocument();
  });

  it("offers the staff list to someone with task:assign", async () => {
    perms.current = ["task:write", "task:assign"];
    show([task]);
    fireEvent.click(screen.getByText("Complete or change"));
    expect(await screen.findByRole("option", { name: "Sam Adviser" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Take this task/ })).toBeNull();
  });

  it("offers only Reopen on a closed task, and nothing without task:write", () => {
    perms.current = ["task:write"];
    const { unmount } = show([{ ...task, status: "done", outcome_note: "Filed" }]);
    expect(screen.getByRole("button", { name: /^Reopen\s*Chase statements$/ })).toBeInTheDocument();
    expect(screen.getByText(/outcome: Filed/)).toBeInTheDocument();
    unmount();
    perms.current = ["task:read"];
    show([task]);
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByText("Complete or change")).toBeNull();
  });
});
