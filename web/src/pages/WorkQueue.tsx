import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../api/client";
import { unwrap } from "../api/problem";
import { useMe } from "../auth/session";
import { dateTime, label } from "../components/format";
import { Select } from "../components/forms";
import { QueryState, Tag } from "../components/ui";
import { CreateTask } from "./queue/CreateTask";
import { TaskList } from "./queue/TaskList";

function startOfDay(offsetDays = 0): string {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + offsetDays);
  return d.toISOString();
}

export function WorkQueue() {
  const { can } = useMe();
  const [status, setStatus] = useState<"open" | "done" | "cancelled">("open");
  const tasks = useQuery({
    queryKey: ["tasks", "mine", status],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/tasks", { params: { query: { assignee: "me", status, limit: 100 } } })),
    enabled: can("task:read"),
  });
  const due = useQuery({
    queryKey: ["tasks", "mine", "due"],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/tasks", {
          params: { query: { assignee: "me", status: "open", due_before: startOfDay(8), limit: 100 } },
        }),
      ),
    enabled: can("task:read"),
  });
  const unassigned = useQuery({
    queryKey: ["tasks", "unassigned"],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/tasks", { params: { query: { unassigned: true, status: "open", limit: 50 } } })),
    enabled: can("task:read"),
  });
  const review = useQuery({
    queryKey: ["suggestions", "pending"],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/suggestions", {
          params: { query: { status: "pending", adviser: can("case:read_all") ? "me" : undefined, limit: 20 } },
        }),
      ),
    enabled: can("case:read"),
  });
  const appointments = useQuery({
    queryKey: ["appointments", "mine", "today"],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/appointments", {
          params: { query: { adviser_id: "me", from: startOfDay(0), to: startOfDay(1), limit: 50 } },
        }),
      ),
    enabled: can("case:read"),
  });

  return (
    <>
      <h1 className="govuk-heading-xl">Work queue</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Due in the next 7 days</h2>
          <QueryState query={due} what="deadlines due">
            {(page) =>
              page.items.filter((t) => t.due_at).length === 0 ? (
                <p className="govuk-body">Nothing due in the next 7 days.</p>
              ) : (
                <ul className="govuk-list">
                  {page.items
                    .filter((t) => t.due_at)
                    .map((t) => (
                      <li key={t.id}>
                        <Tag value={new Date(t.due_at!) < new Date() ? "overdue" : t.kind} text={new Date(t.due_at!) < new Date() ? "overdue" : label(t.kind)} />{" "}
                        <Link className="govuk-link" to={`/cases/${t.case_id}/deadlines`}>
                          {t.title}
                        </Link>{" "}
                        — due {dateTime(t.due_at)}
                      </li>
                    ))}
                </ul>
              )
            }
          </QueryState>

          <h2 className="govuk-heading-m">My tasks</h2>
          {can("task:write") && <CreateTask />}
          <div className="cma-inline-form">
            <Select
              id="tasks-status"
              label="Show"
              value={status}
              onChange={(v) => setStatus(v as "open" | "done" | "cancelled")}
              options={[
                ["open", "Open tasks"],
                ["done", "Completed tasks"],
                ["cancelled", "Cancelled tasks"],
              ]}
            />
          </div>
          <QueryState query={tasks} what="your tasks">
            {(page) =>
              page.items.length === 0 ? (
                <p className="govuk-body">You have no {status === "open" ? "open" : status === "done" ? "completed" : "cancelled"} tasks.</p>
              ) : (
                <TaskList tasks={page.items} caption="My tasks" />
              )
            }
          </QueryState>

          <h2 className="govuk-heading-m">Tasks nobody holds</h2>
          <QueryState query={unassigned} what="unassigned tasks">
            {(page) =>
              page.items.length === 0 ? (
                <p className="govuk-body">Every open task has someone on it.</p>
              ) : (
                <>
                  <p className="govuk-body">
                    {page.total} open {page.total === 1 ? "task" : "tasks"} in the team's queue{page.total > page.items.length ? `, the first ${page.items.length} shown` : ""}.
                  </p>
                  <TaskList tasks={page.items} caption="Tasks nobody holds" />
                </>
              )
            }
          </QueryState>
        </div>
        <div className="govuk-grid-column-one-third">
          <h2 className="govuk-heading-m">Today's appointments</h2>
          <QueryState query={appointments} what="today's appointments">
            {(page) =>
              page.items.length === 0 ? (
                <p className="govuk-body">No appointments today.</p>
              ) : (
                <ul className="govuk-list">
                  {page.items.map((a) => (
                    <li key={a.id}>
                      <strong>
                        {new Date(a.start).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}
                      </strong>{" "}
                      <Link className="govuk-link" to={`/cases/${a.case_id}/appointments`}>
                        {label(a.kind)}
                      </Link>{" "}
                      <Tag value={a.status} />
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
          <h2 className="govuk-heading-m">Documents waiting for review</h2>
          <QueryState query={review} what="documents waiting for review">
            {(page) =>
              page.items.length === 0 ? (
                <p className="govuk-body">Nothing read from a document is waiting for you.</p>
              ) : (
                <>
                  <p className="govuk-body">
                    {page.total} {page.total === 1 ? "suggestion" : "suggestions"} from documents on your cases
                    {page.total > page.items.length ? `, the oldest ${page.items.length} shown` : ""}:
                  </p>
                  <ul className="govuk-list" aria-label="Documents waiting for review">
                    {page.items.map((s) => (
                      <li key={s.id}>
                        <Link className="govuk-link" to={`/cases/${s.case_id}/documents`}>
                          {s.title}
                        </Link>
                        <span className="govuk-body-s"> — read {dateTime(s.created_at)}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )
            }
          </QueryState>
        </div>
      </div>
    </>
  );
}
