// Task changes from the work queue: each sends the version it was shown (If-Match), so a
// task someone else changed meanwhile is refused (412) rather than overwritten.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Schemas } from "../../api/client";
import { ifMatch, unwrap } from "../../api/problem";

/** A task as the lists show it; from the work queue read model its version may be
 *  unknown (an item written before the model carried it), and is then read first. */
export type Task = Omit<Schemas["TaskOut"], "version"> & {
  version: number | null;
  /** The case's reference, when the list knows it (the work queue's items carry it). */
  case_reference?: string | null;
};

async function versionOf(task: Task): Promise<number> {
  if (task.version !== null) return task.version;
  return unwrap(await api.GET("/api/v1/tasks/{task_id}", { params: { path: { task_id: task.id } } })).version;
}

export type TaskAction =
  | { kind: "complete"; outcome_note: string }
  | { kind: "cancel"; reason: string }
  | { kind: "reopen" }
  | { kind: "reassign"; assignee_id: string | null };

export async function runTaskAction(task: Task, action: TaskAction): Promise<Schemas["TaskOut"]> {
  const params = { path: { task_id: task.id }, header: ifMatch(await versionOf(task)) };
  switch (action.kind) {
    case "complete":
      return unwrap(await api.POST("/api/v1/tasks/{task_id}/complete", { params, body: { outcome_note: action.outcome_note } }));
    case "cancel":
      return unwrap(await api.POST("/api/v1/tasks/{task_id}/cancel", { params, body: { reason: action.reason } }));
    case "reopen":
      return unwrap(await api.POST("/api/v1/tasks/{task_id}/reopen", { params }));
    case "reassign":
      return unwrap(await api.PATCH("/api/v1/tasks/{task_id}", { params, body: { assignee_id: action.assignee_id } }));
  }
}

/** One mutation per task row; every task list refreshes after it. */
export function useTaskAction(task: Task) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: TaskAction) => runTaskAction(task, action),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["tasks"] }),
  });
}

export function useCreateTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas["TaskIn"]) => unwrap(await api.POST("/api/v1/tasks", { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["tasks"] }),
  });
}

/** The centre's active staff, for reassigning. */
export function useStaff(enabled = true) {
  return useQuery({
    queryKey: ["staff", "active"],
    queryFn: async () => unwrap(await api.GET("/api/v1/users", { params: { query: { active: true, limit: 200 } } })),
    enabled,
    staleTime: 60_000,
  });
}
