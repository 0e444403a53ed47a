// Every item of a list the API pages. A case's page shows its documents, suggestions,
// notes, letters, dates and registers whole; asking for the API's first page alone
// (50 by default) left everything after it off the page without a word.
import { api } from "./client";
import { unwrap } from "./problem";

/** The API's page: `items` with `total`, and `next_cursor` where the list pages by key. */
export type Paged<T> = { items: T[]; total: number; limit: number; offset: number; next_cursor?: string | null };

/** Where the next page starts: after the previous page's cursor, or at an offset. */
export type At = { limit: number; offset: number; cursor?: string };

/** The API's largest page. */
export const PAGE_LIMIT = 200;
/** Pages asked for at most (PAGE_LIMIT × MAX_PAGES items), so a list that keeps growing
 * while it is read cannot keep the console asking. */
export const MAX_PAGES = 50;

/**
 * Reads a list page by page until it is whole and gives it as one page (`next_cursor`
 * null, `limit` the number of items). A list that pages by key is followed by its
 * `next_cursor`; otherwise by offset until `total` items are read. An item read twice (a
 * row added before it while an offset list was being read) is kept once, by its `id`.
 */
export async function everyItem<P extends Paged<unknown>>(page: (at: At) => Promise<P>, limit: number = PAGE_LIMIT): Promise<P> {
  const first = await page({ limit, offset: 0 });
  const items: P["items"] = [...first.items];
  const seen = new Set(first.items.map(idOf));
  let last: P = first;
  for (let n = 1; n < MAX_PAGES; n += 1) {
    const cursor = last.next_cursor ?? undefined;
    if (cursor === undefined && (items.length >= last.total || last.items.length === 0)) break;
    last = await page(cursor !== undefined ? { limit, offset: 0, cursor } : { limit, offset: items.length });
    if (last.items.length === 0 && last.next_cursor == null) break;
    for (const item of last.items) {
      const id = idOf(item);
      if (id !== undefined && seen.has(id)) continue;
      seen.add(id);
      items.push(item);
    }
  }
  return { ...first, items, total: Math.max(last.total, items.length), limit: items.length, offset: 0, next_cursor: null };
}

function idOf(item: unknown): string | undefined {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : undefined;
}

/** A case's debts, every one (the debts page, letters and settlements share the query). */
export async function caseDebts(caseId: string) {
  return everyItem(async (at) => unwrap(await api.GET("/api/v1/cases/{case_id}/debts", { params: { path: { case_id: caseId }, query: at } })));
}
