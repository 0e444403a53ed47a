// The task actions send the version the person saw (If-Match) to the right route.
import { answer, json } from "./harness";

const calls: Array<{ method: string; url: string; ifMatch: string | null; body: string }> = [];
answer(async (req) => {
  calls.push({ method: req.method, url: new URL(req.url).pathname, ifMatch: req.headers.get("If-Match"), body: await req.text() });
  if (new URL(req.url).pathname.endsWith("/stale/complete")) {
    return json({ title: "Precondition failed", status: 412, detail: "the task changed meanwhile" }, 412);
  }
  return json({ id: "t1", version: 4 });
});

import type { Schemas } from "../src/api/client";
import { ApiError } from "../src/api/problem";
import { runTaskAction } from "../src/pages/queue/useTaskActions";

const task = { id: "t1", version: 3, title: "Chase statements" } as Schemas["TaskOut"];

describe("runTaskAction", () => {
  beforeEach(() => calls.splice(0));

  it("completes with the outcome note and the version seen", async () => {
    await runTaskAction(task, { kind: "complete", outcome_note: "Statements filed." });
    expect(calls).toEqual([{ method: "POST", url: "/api/v1/tasks/t1/complete", ifMatch: '"3"', body: '{"outcome_note":"Statements filed."}' }]);
  });

  it("reassigns by PATCH, cancels with a reason, reopens", async () => {
    await runTaskAction(task, { kind: "reassign", assignee_id: "u2" });
    await runTaskAction(task, { kind: "cancel", reason: "Not needed" });
    await runTaskAction(task, { kind: "reopen" });
    expect(calls.map((c) => [c.method, c.url, c.ifMatch, c.body])).toEqual([
      ["PATCH", "/api/v1/tasks/t1", '"3"', '{"assignee_id":"u2"}'],
      ["POST", "/api/v1/tasks/t1/cancel", '"3"', '{"reason":"Not needed"}'],
      ["POST", "/api/v1/tasks/t1/reopen", '"3"', ""],
    ]);
  });

  it("reads the version first when the queue did not carry one", async () => {
    await runTaskAction({ ...task, version: null }, { kind: "reopen" });
    expect(calls.map((c) => [c.method, c.url, c.ifMatch])).toEqual([
      ["GET", "/api/v1/tasks/t1", null],
      ["POST", "/api/v1/tasks/t1/reopen", '"4"'],
    ]);
  });

  it("turns a stale version's 412 into the API's problem", async () => {
    const stale = { ...task, id: "stale" };
    await expect(runTaskAction(stale, { kind: "complete", outcome_note: "x" })).rejects.toSatisfy(
      (e: unknown) => e instanceof ApiError && e.status === 412 && e.detail === "the task changed meanwhile",
    );
  });
});
