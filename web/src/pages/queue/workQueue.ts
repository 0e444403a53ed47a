// The work queue read model (GET /api/v1/work-queue), one request for the whole page:
// open tasks, deadlines, today's appointments and documents waiting for review, soonest
// first, with counts per section. Paged by cursor; the page splits the items by section.
import { keepPreviousData, useInfiniteQuery, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { api, type Schemas } from "../../api/client";
import { everyItem } from "../../api/pages";
import { unwrap } from "../../api/problem";
import type { Task } from "./useTaskActions";

export type WorkItem = Schemas["WorkItemOut"];
export type WorkCounts = Schemas["WorkCountsOut"];

export interface Queue {
  items: WorkItem[];
  counts: WorkCounts;
  /** The read model's version: when it was read up to, and how far behind it was. */
  readAt: string | null;
  lagSeconds: number | null;
}

/** Items per request: one request holds a typical adviser's whole day. */
export const QUEUE_PAGE = 200;

export function startOfDay(offsetDays = 0, now = new Date()): Date {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + offsetDays);
  return d;
}

/** A task's item as the task list shows it: it is open and the user's own. */
export function itemTask(i: WorkItem, me: { user_id?: string | null; display_name?: string | null }, now = new Date()): Task {
  return {
    id: i.id,
    title: i.title,
    kind: i.kind ?? "general",
    status: "open",
    priority: (i.label ?? "normal") as Task["priority"],
    overdue: i.due_at != null && new Date(i.due_at) < now,
    assignee_id: me.user_id ?? null,
    assignee_name: me.display_name ?? null,
    case_id: i.case_id,
    case_reference: i.case_reference ?? null,
    due_at: i.due_at ?? null,
    closed_at: null,
    closed_by: null,
    closed_by_name: null,
    // Not shown by the task list; the item's time (its creation when undated).
    created_at: i.at,
    created_by: null,
    created_by_name: null,
    outcome_note: null,
    version: i.version ?? null,
  };
}

/** Each section's items, in the order the page has always shown them:
 *  - due: the user's dated open tasks due before the end of the 7th day from today
 *    (overdue included), soonest first;
 *  - tasks: the user's open tasks, dated soonest first then undated oldest first;
 *  - appointments: today's (the API keeps only today's), by start;
 *  - documents: suggestions waiting for review, oldest first. */
export function queueSections(items: WorkItem[], now = new Date()) {
  const week = startOfDay(8, now).getTime();
  const tasks = items.filter((i) => i.section === "task");
  const dated = tasks.filter((i) => i.due_at).sort((a, b) => Date.parse(a.due_at!) - Date.parse(b.due_at!) || a.id.localeCompare(b.id));
  const undated = tasks.filter((i) => !i.due_at); // already by creation, oldest first
  return {
    due: dated.filter((i) => Date.parse(i.due_at!) < week),
    tasks: [...dated, ...undated],
    appointments: items.filter((i) => i.section === "appointment"),
    documents: items.filter((i) => i.section === "document"),
  };
}

/** The documents section as an adviser works through it: one line a case (its waiting
 * suggestions are decided together on its Documents tab), the case whose oldest waits
 * longest first, with how many of each kind and how many hold values to check against the
 * page (`to_check`: the scan hard to read there, or the reader unsure which value it is). */
export type CaseReviews = { caseId: string; reference: string | null; count: number; kinds: Array<[string, number]>; oldest: string; unsure: number };

export function reviewsByCase(documents: readonly WorkItem[]): CaseReviews[] {
  const byCase = new Map<string, WorkItem[]>();
  for (const item of documents) {
    if (!item.case_id) continue;
    byCase.set(item.case_id, [...(byCase.get(item.case_id) ?? []), item]);
  }
  return [...byCase].map(([caseId, waiting]) => {
    const kinds = new Map<string, number>();
    for (const w of waiting) kinds.set(w.label ?? "other", (kinds.get(w.label ?? "other") ?? 0) + 1);
    const oldest = waiting.reduce((a, b) => (Date.parse(b.at) < Date.parse(a.at) ? b : a)).at;
    const unsure = waiting.filter((w) => (w.to_check ?? 0) > 0).length;
    return { caseId, reference: waiting[0]!.case_reference ?? null, count: waiting.length, kinds: [...kinds], oldest, unsure };
  }).sort((a, b) => Date.parse(a.oldest) - Date.parse(b.oldest));
}

/** A case's line's tag for its suggestions holding values to check against the page. */
export function toCheckText(unsure: number, count: number): string {
  if (unsure === count) return count === 1 ? "to check" : "all to check";
  return `${unsure} to check`;
}

export function useWorkQueue(enabled: boolean) {
  const query = useInfiniteQuery({
    // Under "tasks": every task change (create, complete, reassign…) refreshes it.
    queryKey: ["tasks", "work-queue"],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const result = await api.GET("/api/v1/work-queue", {
        params: { query: { limit: QUEUE_PAGE, cursor: pageParam ?? undefined } },
      });
      const page = unwrap(result);
      const lag = result.response.headers.get("X-CMA-Read-Lag");
      return { page, readAt: result.response.headers.get("X-CMA-Read-Version"), lagSeconds: lag === null ? null : Number(lag) };
    },
    getNextPageParam: (last) => last.page.next_cursor ?? null,
    select: (data): Queue => {
      const first = data.pages[0]!;
      return {
        items: data.pages.flatMap((p) => p.page.items),
        counts: first.page.counts,
        readAt: first.readAt,
        lagSeconds: first.lagSeconds,
      };
    },
    enabled,
  });
  return query;
}

/** The documents waiting for review as the page can show them: `items` every one, but
 * the queue's own (the oldest) while the rest are `reading` or could not be read
 * (`failed`). */
export type DocumentReviews = { items: readonly WorkItem[]; reading: boolean; failed: boolean };

/**
 * The documents waiting for review, every one: the queue's own pages where they already
 * hold them all (the usual case: no request more), else the queue's document section read
 * whole, so that each case's line counts all its suggestions and no case is left off
 * because its suggestions sort after the queue's first page.
 */
export function useDocumentReviews(queue: Queue | undefined, loaded: readonly WorkItem[]): DocumentReviews {
  const more = queue !== undefined && queue.counts.document > loaded.length;
  const whole = useQuery({
    // Keyed by the count, so a new or decided suggestion reads it again; the list read
    // before stays on the page meanwhile (no flicker back to the first page's).
    queryKey: ["work-queue", "documents", queue?.counts.document],
    queryFn: () =>
      everyItem(async (at) => {
        const result = await api.GET("/api/v1/work-queue", {
          params: { query: { section: "document", limit: at.limit, cursor: at.cursor } },
        });
        return { ...unwrap(result), offset: 0 };
      }),
    placeholderData: keepPreviousData,
    enabled: more,
  });
  if (!more) return { items: loaded, reading: false, failed: false };
  if (whole.data !== undefined) return { items: whole.data.items, reading: false, failed: false };
  return { items: loaded, reading: !whole.isError, failed: whole.isError };
}

/** For QueryState, which takes a plain query's result (the fields it reads are the same). */
export function asQueryResult<T>(q: unknown): UseQueryResult<T> {
  return q as UseQueryResult<T>;
}
