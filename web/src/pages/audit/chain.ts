// The audit hash chain checked in the browser: every entry's SHA-256 recomputed over the
// same canonical JSON as cma_core/audit/chain.py (sorted keys, no whitespace, UTF-8,
// instants as UTC with microseconds), and every entry's prev_hash compared with the hash
// of the one before. What it cannot see: the chain head the store keeps apart (no route
// serves it), so entries cut off the end are caught only by `cma audit verify`.
import type { Schemas } from "../../api/client";

type Entry = Schemas["AuditOut"];

export const GENESIS = "0".repeat(64);
export const CHAIN_VERSION = 1;

/** An instant as the chain writes it: 2026-11-18T09:30:00.000000Z. */
export function chainInstant(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an instant: ${iso}`);
  const [, whole, frac = "", zone] = m;
  const micros = (frac + "000000").slice(0, 6);
  if (zone === "Z" || zone === "+00:00" || zone === "+0000") return `${whole}.${micros}Z`;
  // Another offset: move to UTC (milliseconds through Date, the microseconds kept).
  const utc = new Date(`${whole}${zone}`).toISOString().slice(0, 19);
  return `${utc}.${micros}Z`;
}

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson(obj[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export function canonical(entry: Entry, centreId: string, seq: number, prev: string): string {
  const doc: Record<string, unknown> = {
    v: CHAIN_VERSION,
    centre_id: centreId,
    seq,
    prev,
    id: entry.id,
    actor_id: entry.actor_id,
    action: entry.action,
    entity_type: entry.entity_type,
    entity_id: entry.entity_id,
    at: chainInstant(entry.at),
    fields: entry.fields,
    source_event_id: entry.source_event_id,
  };
  // Only when present, as the server hashes it: entries written before addresses were
  // kept hash as they always did.
  if (entry.source_address != null) doc.source_address = entry.source_address;
  return sortedJson(doc);
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export interface ChainProblem {
  seq: number | null;
  id: string;
  problem: string;
}

export interface ChainState {
  /** The seq and hash of the last entry checked (the next page continues from it). */
  lastSeq: number;
  lastHash: string;
  checked: number;
  problems: ChainProblem[];
}

export const START: ChainState = { lastSeq: 0, lastHash: GENESIS, checked: 0, problems: [] };

/** Check the next entries of the chain (oldest first) after `state`. Entries without a
 * place in the chain (written before chaining began) are skipped, not failed. */
export async function checkEntries(entries: ReadonlyArray<Entry>, centreId: string, state: ChainState): Promise<ChainState> {
  let { lastSeq, lastHash, checked } = state;
  const problems = [...state.problems];
  for (const e of entries) {
    if (e.seq === null) continue;
    if (e.seq !== lastSeq + 1) problems.push({ seq: e.seq, id: e.id, problem: `expected entry ${lastSeq + 1} here: an entry is missing or out of place` });
    if (e.prev_hash !== lastHash) problems.push({ seq: e.seq, id: e.id, problem: "does not name the hash of the entry before it" });
    const computed = await sha256Hex(canonical(e, centreId, e.seq, e.prev_hash ?? ""));
    if (computed !== e.hash) problems.push({ seq: e.seq, id: e.id, problem: "its content does not match its hash: changed since it was written" });
    lastSeq = e.seq;
    lastHash = e.hash ?? "";
    checked += 1;
  }
  return { lastSeq, lastHash, checked, problems };
}
