import type { Schemas } from "../src/api/client";
import { GENESIS, START, canonical, chainInstant, checkEntries } from "../src/pages/audit/chain";
import { headChange } from "../src/pages/audit/ChainVerify";

// Expected canonical text and hashes computed by cma_core.audit.chain (Python) for the same
// two entries: the browser's check must agree with the server's byte for byte.
const CENTRE = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const H1 = "08dd215d198975dcdd9597dcae2e3aad772de803157d43f9527cd4a89395d155";
const H2 = "4e10d70acb762b3d4885fb92d0f2834c80e0e39e950c8d13e71a7387cd0c52a4";
const H3 = "dd3ecee84b99a09980b06f4412321cff26e9eb8ef62f1fe3615496bc583e3f62";

const first: Schemas["AuditOut"] = {
  id: "11111111-2222-4333-8444-555555555555",
  actor_id: "99999999-8888-4777-8666-555555555555",
  action: "client.updated",
  entity_type: "client",
  entity_id: "c-1 é",
  at: "2026-11-18T09:30:00.123456Z",
  fields: ["last_name", "email"],
  source_event_id: null,
  seq: 1,
  prev_hash: GENESIS,
  hash: H1,
};
const second: Schemas["AuditOut"] = {
  id: "11111111-2222-4333-8444-555555555556",
  actor_id: null,
  action: "case.opened",
  entity_type: "case",
  entity_id: "x",
  at: "2026-11-18T10:00:00Z",
  fields: [],
  source_event_id: "12345678-1234-4234-8234-123456789abc",
  seq: 2,
  prev_hash: H1,
  hash: H2,
};
// Written with the request's source address, which the server hashes when present.
const third: Schemas["AuditOut"] = {
  id: "11111111-2222-4333-8444-555555555557",
  actor_id: "99999999-8888-4777-8666-555555555555",
  action: "case.viewed",
  entity_type: "case",
  entity_id: "x",
  at: "2026-11-18T11:00:00Z",
  fields: [],
  source_event_id: null,
  source_address: "203.0.113.7",
  seq: 3,
  prev_hash: H2,
  hash: H3,
};

describe("the audit chain in the browser", () => {
  it("writes instants as the chain does", () => {
    expect(chainInstant("2026-11-18T10:00:00Z")).toBe("2026-11-18T10:00:00.000000Z");
    expect(chainInstant("2026-11-18T10:00:00.5+00:00")).toBe("2026-11-18T10:00:00.500000Z");
    expect(chainInstant("2026-11-18T11:00:00.123456+01:00")).toBe("2026-11-18T10:00:00.123456Z");
  });

  it("builds the same canonical document as the server", () => {
    expect(canonical(first, CENTRE, 1, GENESIS)).toBe(
      `{"action":"client.updated","actor_id":"99999999-8888-4777-8666-555555555555","at":"2026-11-18T09:30:00.123456Z","centre_id":"${CENTRE}","entity_id":"c-1 é","entity_type":"client","fields":["last_name","email"],"id":"11111111-2222-4333-8444-555555555555","prev":"${GENESIS}","seq":1,"source_event_id":null,"v":1}`,
    );
  });

  it("verifies an intact chain, with and without source addresses", async () => {
    const r = await checkEntries([first, second, third], CENTRE, START);
    expect(r.problems).toEqual([]);
    expect(r.checked).toBe(3);
    expect(r.lastHash).toBe(H3);
  });

  it("sees a source address changed", async () => {
    const r = await checkEntries([first, second, { ...third, source_address: "198.51.100.1" }], CENTRE, START);
    expect(r.problems.map((p) => p.seq)).toEqual([3]);
  });

  it("finds a changed entry, and one missing from the middle", async () => {
    const changed = await checkEntries([{ ...first, fields: ["last_name"] }, second], CENTRE, START);
    expect(changed.problems.map((p) => [p.seq, p.problem])).toEqual([[1, "its content does not match its hash: changed since it was written"]]);
    const gap = await checkEntries([second], CENTRE, START);
    expect(gap.problems.map((p) => p.seq)).toEqual([2, 2]);
  });

  it("continues across pages from where the last one ended", async () => {
    const afterFirst = await checkEntries([first], CENTRE, START);
    const r = await checkEntries([second], CENTRE, afterFirst);
    expect(r.problems).toEqual([]);
    expect(r.checked).toBe(2);
  });
});

describe("headChange", () => {
  const head = { seq: 10, hash: "aa" };
  it("accepts a first sight, the same head and a grown chain", () => {
    expect(headChange(null, head)).toBe("first");
    expect(headChange(head, { seq: 10, hash: "aa" })).toBe("same");
    expect(headChange(head, { seq: 12, hash: "bb" })).toBe("grown");
  });
  it("calls a lower head, or the same place with another hash, a cut", () => {
    expect(headChange(head, { seq: 9, hash: "cc" })).toBe("cut");
    expect(headChange(head, { seq: 10, hash: "dd" })).toBe("cut");
  });
});
