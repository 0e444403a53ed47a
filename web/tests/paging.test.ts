// A list the API pages is read whole: by offset to its total, or by its next_cursor.
import { everyItem, MAX_PAGES, type At, type Paged } from "../src/api/pages";

type Row = { id: string; n: number };
const rows = (n: number, from = 0): Row[] => Array.from({ length: n }, (_, i) => ({ id: `r${from + i}`, n: from + i }));

/** An offset list over `all` as the API answers it (at most `limit` from `offset`). */
function offsetList(all: Row[]) {
  const asked: At[] = [];
  const page = async (at: At): Promise<Paged<Row>> => {
    asked.push(at);
    return { items: all.slice(at.offset, at.offset + at.limit), total: all.length, limit: at.limit, offset: at.offset, next_cursor: null };
  };
  return { page, asked };
}

/** A keyset list: each page's cursor is the last id it gave. */
function cursorList(all: Row[]) {
  const asked: At[] = [];
  const page = async (at: At): Promise<Paged<Row>> => {
    asked.push(at);
    const from = at.cursor === undefined ? 0 : all.findIndex((r) => r.id === at.cursor) + 1;
    const items = all.slice(from, from + at.limit);
    const more = from + at.limit < all.length;
    return { items, total: all.length, limit: at.limit, offset: 0, next_cursor: more ? (items.at(-1)?.id ?? null) : null };
  };
  return { page, asked };
}

test("an offset list is read to its total, past the first page", async () => {
  const { page, asked } = offsetList(rows(450));
  const whole = await everyItem(page);
  expect(whole.items.map((r) => r.n)).toEqual(rows(450).map((r) => r.n));
  expect(whole.total).toBe(450);
  expect(whole.next_cursor).toBeNull();
  expect(asked).toEqual([
    { limit: 200, offset: 0 },
    { limit: 200, offset: 200 },
    { limit: 200, offset: 400 },
  ]);
});

test("a list of one page, or none, is asked for once", async () => {
  for (const n of [0, 1, 200]) {
    const { page, asked } = offsetList(rows(n));
    expect((await everyItem(page)).items).toHaveLength(n);
    expect(asked).toHaveLength(1);
  }
});

test("a keyset list is followed by its next_cursor, offset 0", async () => {
  const { page, asked } = cursorList(rows(5));
  const whole = await everyItem(page, 2);
  expect(whole.items.map((r) => r.id)).toEqual(["r0", "r1", "r2", "r3", "r4"]);
  expect(asked).toEqual([
    { limit: 2, offset: 0 },
    { limit: 2, offset: 0, cursor: "r1" },
    { limit: 2, offset: 0, cursor: "r3" },
  ]);
});

test("a row added before the next page is read once, not twice", async () => {
  const all = rows(3);
  const asked: At[] = [];
  const page = async (at: At): Promise<Paged<Row>> => {
    asked.push(at);
    if (asked.length === 2) all.unshift({ id: "new", n: -1 }); // oldest-first order shifts
    return { items: all.slice(at.offset, at.offset + at.limit), total: all.length, limit: at.limit, offset: at.offset };
  };
  const whole = await everyItem(page, 2);
  expect(whole.items.map((r) => r.id)).toEqual(["r0", "r1", "r2"]);
});

test("items without an id are all kept", async () => {
  const grants = [{ permission: "a" }, { permission: "a" }, { permission: "b" }];
  const page = async (at: At): Promise<Paged<{ permission: string }>> => ({
    items: grants.slice(at.offset, at.offset + at.limit),
    total: grants.length,
    limit: at.limit,
    offset: at.offset,
  });
  expect((await everyItem(page, 1)).items).toEqual(grants);
});

test("a list that keeps growing is not asked for without end", async () => {
  let total = 10;
  const asked: At[] = [];
  const page = async (at: At): Promise<Paged<Row>> => {
    asked.push(at);
    total += 10;
    return { items: rows(at.limit, at.offset), total, limit: at.limit, offset: at.offset };
  };
  const whole = await everyItem(page, 10);
  expect(asked).toHaveLength(MAX_PAGES);
  expect(whole.items.length).toBeLessThan(whole.total);
});
