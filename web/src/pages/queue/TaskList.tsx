// The work queue's tasks, each with its actions in place: complete with an outcome note,
// reassign (task:assign), cancel with a reason, reopen a closed one.
import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useMe } from "../../auth/session";
import { dateTime, label } from "../../components/format";
import { Button, ErrorSummary, Select, TextArea } from "../../components/forms";
import { Tag } from "../../components/ui";
import { useStaff, useTaskAction, type Task, type TaskAction } from "./useTaskActions";

function TaskActions({ task }: { task: Task }) {
  const { me, can } = useMe();
  const action = useTaskAction(task);
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const [assignee, setAssignee] = useState(task.assignee_id ?? "");
  const staff = useStaff(can("task:assign"));
  const [done, setDone] = useState<string | null>(null);
  const id = `task-${task.id}`;

  function submit(e: FormEvent, a: TaskAction, message: string) {
    e.preventDefault();
    action.mutate(a, { onSuccess: () => setDone(message) });
  }

  if (task.status !== "open") {
    return (
      <>
        <ErrorSummary error={action.error} />
        <Button type="button" secondary busy={action.isPending} onClick={() => action.mutate({ kind: "reopen" })}>
          Reopen<span className="govuk-visually-hidden"> {task.title}</span>
        </Button>
      </>
    );
  }
  const people = staff.data?.items ?? [];
  return (
    <details className="govuk-details govuk-!-margin-bottom-0">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Complete or change<span className="govuk-visually-hidden"> {task.title}</span>
        </span>
      </summary>
      <div className="govuk-details__text">
        {done && (
          <p className="govuk-body" role="status">
            {done}
          </p>
        )}
        <ErrorSummary error={action.error} fields={{ outcome_note: `${id}-note`, reason: `${id}-reason`, assignee_id: `${id}-assignee` }} />
        <form onSubmit={(e) => submit(e, { kind: "complete", outcome_note: note }, "Task completed.")} noValidate>
          <TextArea id={`${id}-note`} name="outcome_note" label="What came of it" hint="Saved with the task as its outcome." rows={2} value={note} onChange={setNote} error={action.error} />
          <Button busy={action.isPending}>
            Complete task<span className="govuk-visually-hidden"> {task.title}</span>
          </Button>
        </form>
        {can("task:assign") ? (
          <form className="cma-inline-form" onSubmit={(e) => submit(e, { kind: "reassign", assignee_id: assignee || null }, "Task reassigned.")} noValidate>
            <Select
              id={`${id}-assignee`}
              name="assignee_id"
              label="Assign to"
              value={assignee}
              onChange={setAssignee}
              error={action.error}
              options={[["", "Nobody (the team's queue)"], ...people.map((p) => [p.id, p.id === me.user_id ? `${p.display_name} (you)` : p.display_name] as const)]}
            />
            <Button secondary busy={action.isPending}>
              Reassign<span className="govuk-visually-hidden"> {task.title}</span>
            </Button>
          </form>
        ) : (
          task.assignee_id !== me.user_id && (
            <form onSubmit={(e) => submit(e, { kind: "reassign", assignee_id: me.user_id }, "The task is yours now.")}>
              <Button secondary busy={action.isPending}>
                Take this task<span className="govuk-visually-hidden"> {task.title}</span>
              </Button>
            </form>
          )
        )}
        <form onSubmit={(e) => submit(e, { kind: "cancel", reason }, "Task cancelled.")} noValidate>
          <TextArea id={`${id}-reason`} name="reason" label="Why cancel it" rows={2} value={reason} onChange={setReason} error={action.error} />
          <Button warning busy={action.isPending}>
            Cancel task<span className="govuk-visually-hidden"> {task.title}</span>
          </Button>
        </form>
      </div>
    </details>
  );
}

export function TaskList({ tasks, caption }: { tasks: Task[]; caption: string }) {
  const { can } = useMe();
  return (
    <ul className="govuk-list" aria-label={caption}>
      {tasks.map((t) => (
        <li key={t.id} className="cma-card govuk-!-margin-bottom-3">
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
            {t.case_id ? (
              <Link className="govuk-link" to={`/cases/${t.case_id}`}>
                {t.title}
              </Link>
            ) : (
              t.title
            )}{" "}
            {t.status !== "open" ? <Tag value={t.status} /> : t.overdue ? <Tag value="overdue" /> : t.priority !== "normal" && <Tag value={t.priority} />}
          </h3>
          <p className="govuk-body-s govuk-!-margin-bottom-2">
            {t.case_reference && <>{t.case_reference} · </>}
            {label(t.kind)} · due {dateTime(t.due_at)} · {t.assignee_name ?? "unassigned"}
            {t.outcome_note && <> · outcome: {t.outcome_note}</>}
          </p>
          {can("task:write") && <TaskActions task={t} />}
        </li>
      ))}
    </ul>
  );
}
