// A new task from the work queue: title, due date, priority, optional case reference.
import { useState, type FormEvent } from "react";
import { useMe } from "../../auth/session";
import { Button, ErrorSummary, Select, TextInput } from "../../components/forms";
import { DateInput, checkDates } from "../../components/DateInput";
import { useCreateTask, useStaff } from "./useTaskActions";

export function CreateTask({ caseId }: { caseId?: string }) {
  const { me, can } = useMe();
  const create = useCreateTask();
  const staff = useStaff(can("task:assign"));
  const [title, setTitle] = useState("");
  const [due, setDue] = useState("");
  const [priority, setPriority] = useState("normal");
  const [assignee, setAssignee] = useState(me.user_id ?? "");
  const [made, setMade] = useState<string | null>(null);
  // A due date that is not one is refused here, before the task is sent.
  const [dateError, setDateError] = useState<unknown>(null);
  const error = dateError ?? create.error;

  function submit(e: FormEvent) {
    e.preventDefault();
    try {
      checkDates({ due_at: due });
    } catch (problem) {
      setDateError(problem);
      return;
    }
    setDateError(null);
    create.mutate(
      {
        title,
        due_at: due ? new Date(`${due}T17:00:00`).toISOString() : null,
        priority: priority as "low" | "normal" | "high" | "urgent",
        case_id: caseId ?? null,
        assignee_id: assignee || null,
      },
      {
        onSuccess: (t) => {
          setMade(t.title);
          setTitle("");
          setDue("");
        },
      },
    );
  }

  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Create a task</span>
      </summary>
      <div className="govuk-details__text">
        <form onSubmit={submit} noValidate>
          {made && (
            <p className="govuk-body" role="status">
              Task “{made}” created.
            </p>
          )}
          <ErrorSummary error={error} fields={{ title: "task-title", due_at: "task-due", priority: "task-priority", assignee_id: "task-assignee" }} />
          <TextInput id="task-title" name="title" label="Task" value={title} onChange={setTitle} error={error} />
          <DateInput id="task-due" name="due_at" label="Due by" hint="Optional; the end of that working day." value={due} onChange={setDue} error={error} />
          <Select
            id="task-priority"
            name="priority"
            label="Priority"
            value={priority}
            onChange={setPriority}
            error={error}
            options={[
              ["low", "Low"],
              ["normal", "Normal"],
              ["high", "High"],
              ["urgent", "Urgent"],
            ]}
          />
          {can("task:assign") && (
            <Select
              id="task-assignee"
              name="assignee_id"
              label="Assign to"
              value={assignee}
              onChange={setAssignee}
              error={error}
              options={[["", "Nobody (the team's queue)"], ...(staff.data?.items ?? []).map((p) => [p.id, p.display_name] as const)]}
            />
          )}
          <Button busy={create.isPending}>Create task</Button>
        </form>
      </div>
    </details>
  );
}
