import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../api/client";
import { unwrap } from "../api/problem";
import { useMe } from "../auth/session";
import { dateTime, label } from "../components/format";
import { Button, Select } from "../components/forms";
import { QueryState, Tag, WarningText } from "../components/ui";
import { CreateTask } from "./queue/CreateTask";
import { TaskList } from "./queue/TaskList";
import { asQueryResult, itemTask, queueSections, reviewsByCase, toCheckText, useDocumentReviews, useWorkQueue, type Queue } from "./queue/workQueue";

type Status = "open" | "done" | "cancelled";

/** "the first N shown" when a section holds more than the pages read so far. */
function shown(total: number, count: number, word: string): string {
  return total > count ? `, the ${word} ${count} shown` : "";
}

export function WorkQueue() {
  const { me, can } = useMe();
  const [status, setStatus] = useState<Status>("open");
  // The whole queue in one request (the read model); the rest only when asked for.
  const queue = useWorkQueue(can("task:read"));
  const state = asQueryResult<Queue>(queue);
  // Closed tasks are not queue work: the read model holds none, the task list has them.
  const closed = useQuery({
    queryKey: ["tasks", "mine", status],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/tasks", { params: { query: { assignee: "me", status, limit: 100 } } })),
    enabled: can("task:read") && status !== "open",
  });
  // The team's queue has no holder, so it is not in anyone's read model.
  const unassigned = useQuery({
    queryKey: ["tasks", "unassigned"],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/tasks", { params: { query: { unassigned: true, status: "open", limit: 50 } } })),
    enabled: can("task:read"),
  });
  const now = new Date();
  const sections = queueSections(queue.data?.items ?? [], now);
  const reviews = useDocumentReviews(queue.data, sections.documents);

  return (
    <>
      <h1 className="govuk-heading-xl">Work queue</h1>
      {queue.data && queue.data.lagSeconds !== null && queue.data.lagSeconds >= 5 && (
        <div className="govuk-inset-text" role="note">
          The queue is being brought up to date: it shows changes made up to {dateTime(queue.data.readAt)}.
        </div>
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Due in the next 7 days</h2>
          <QueryState query={state} what="deadlines due">
            {() =>
              sections.due.length === 0 ? (
                <p className="govuk-body">Nothing due in the next 7 days.</p>
              ) : (
                <ul className="govuk-list" aria-label="Due in the next 7 days">
                  {sections.due.map((t) => {
                    const overdue = new Date(t.due_at!) < now;
                    const kind = t.kind ?? "general";
                    return (
                      <li key={t.id}>
                        <Tag value={overdue ? "overdue" : kind} text={overdue ? "overdue" : label(kind)} />{" "}
                        {t.case_id ? (
                          <Link className="govuk-link" to={`/cases/${t.case_id}/deadlines`}>
                            {t.case_reference ? `${t.case_reference}: ${t.title}` : t.title}
                          </Link>
                        ) : (
                          t.title
                        )}{" "}
                        — due {dateTime(t.due_at)}
                      </li>
                    );
                  })}
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
              onChange={(v) => setStatus(v as Status)}
              options={[
                ["open", "Open tasks"],
                ["done", "Completed tasks"],
                ["cancelled", "Cancelled tasks"],
              ]}
            />
          </div>
          {status === "open" ? (
            <QueryState query={state} what="your tasks">
              {(q) =>
                sections.tasks.length === 0 ? (
                  <p className="govuk-body">You have no open tasks.</p>
                ) : (
                  <>
                    {q.counts.task > sections.tasks.length && (
                      <p className="govuk-body">
                        {q.counts.task} open tasks{shown(q.counts.task, sections.tasks.length, "first")}.
                      </p>
                    )}
                    <TaskList tasks={sections.tasks.map((i) => itemTask(i, me, now))} caption="My tasks" />
                  </>
                )
              }
            </QueryState>
          ) : (
            <QueryState query={closed} what="your tasks">
              {(page) =>
                page.items.length === 0 ? (
                  <p className="govuk-body">You have no {status === "done" ? "completed" : "cancelled"} tasks.</p>
                ) : (
                  <TaskList tasks={page.items} caption="My tasks" />
                )
              }
            </QueryState>
          )}

          <h2 className="govuk-heading-m">Tasks nobody holds</h2>
          <QueryState query={unassigned} what="unassigned tasks">
            {(page) =>
              page.items.length === 0 ? (
                <p className="govuk-body">Every open task has someone on it.</p>
              ) : (
                <>
                  <p className="govuk-body">
                    {page.total} open {page.total === 1 ? "task" : "tasks"} in the team's queue{shown(page.total, page.items.length, "first")}.
                  </p>
                  <TaskList tasks={page.items} caption="Tasks nobody holds" />
                </>
              )
            }
          </QueryState>
        </div>
        <div className="govuk-grid-column-one-third">
          <h2 className="govuk-heading-m">Today's appointments</h2>
          <QueryState query={state} what="today's appointments">
            {() =>
              sections.appointments.length === 0 ? (
                <p className="govuk-body">No appointments today.</p>
              ) : (
                <ul className="govuk-list" aria-label="Today's appointments">
                  {sections.appointments.map((a) => (
                    <li key={a.id}>
                      <strong>{new Date(a.at).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}</strong>{" "}
                      {a.case_id ? (
                        <Link className="govuk-link" to={`/cases/${a.case_id}/appointments`}>
                          {label(a.label ?? "appointment")}
                        </Link>
                      ) : (
                        label(a.label ?? "appointment")
                      )}{" "}
                      <Tag value="booked" />
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
          <h2 className="govuk-heading-m">Documents waiting for review</h2>
          <QueryState query={state} what="documents waiting for review">
            {(q) =>
              q.counts.document === 0 && reviews.items.length === 0 ? (
                <p className="govuk-body">Nothing read from a document is waiting for you.</p>
              ) : (
                <>
                  <p className="govuk-body">
                    {q.counts.document} {q.counts.document === 1 ? "suggestion" : "suggestions"} from documents on your cases
                    {reviews.failed ? shown(q.counts.document, reviews.items.length, "oldest") : ""}:
                  </p>
                  {/* Not the first page's lines meanwhile: their counts would be short. */}
                  {reviews.reading && (
                    <p className="govuk-body-s" role="status">
                      Reading every one of them…
                    </p>
                  )}
                  {reviews.failed && (
                    <WarningText role="status">Every document waiting for review could not be read: only the oldest are listed. Reload the page to try again.</WarningText>
                  )}
                  {!reviews.reading && (
                    <ul className="govuk-list" aria-label="Documents waiting for review">
                      {reviewsByCase(reviews.items).map((r) => (
                        <li key={r.caseId}>
                          <Link className="govuk-link" to={`/cases/${r.caseId}/documents`}>
                            {r.reference ? `${r.reference}: ` : ""}
                            {r.count} {r.count === 1 ? "suggestion" : "suggestions"} to review
                          </Link>
                          <span className="govuk-body-s">
                            {" "}
                            ({r.kinds.map(([kind, n]) => `${label(kind).toLowerCase()}${n > 1 ? ` ×${n}` : ""}`).join(", ")}) — {r.count === 1 ? "read" : "oldest read"}{" "}
                            {dateTime(r.oldest)}
                          </span>
                          {r.unsure > 0 && (
                            <>
                              {" "}
                              <Tag value="to_check" text={toCheckText(r.unsure, r.count)} />
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              )
            }
          </QueryState>
        </div>
      </div>
      {queue.hasNextPage && (
        <>
          <p className="govuk-body">Your queue holds more than is shown: its later items are on the next page.</p>
          <Button type="button" secondary busy={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
            Show more of your queue
          </Button>
        </>
      )}
    </>
  );
}
