import { useMutation } from "@tanstack/react-query";
import type { Schemas } from "../../api/client";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { Tag } from "../../components/ui";
import { START, checkEntries, type ChainState } from "./chain";

const PAGE = 200;

/** Walk the centre's whole chain, oldest first, a page at a time, recomputing each hash. */
async function verifyAll(centreId: string, onProgress: (n: number) => void): Promise<ChainState & { total: number }> {
  let state = START;
  let total = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = unwrap(await api.GET("/api/v1/audit", { params: { query: { limit: PAGE, offset } } }));
    total = page.total;
    state = await checkEntries(page.items, centreId, state);
    onProgress(Math.min(offset + PAGE, total));
    if (offset + PAGE >= page.total) break;
  }
  return { ...state, total };
}

export function ChainVerify() {
  const { me } = useMe();
  const verify = useMutation({ mutationFn: () => verifyAll(me.centre_id, () => undefined) });
  const r = verify.data;
  return (
    <section className="cma-card govuk-!-margin-bottom-6" aria-labelledby="verify-heading">
      <h2 className="govuk-heading-m" id="verify-heading">
        Chain verification
      </h2>
      <p className="govuk-body">
        Recomputes every entry's SHA-256 in this browser and checks that each names the one before. Entries cut off the end
        are caught against the chain head by the server's check above.
      </p>
      <div aria-live="polite">
        {verify.isPending && <p className="govuk-body" role="status">Verifying…</p>}
        {verify.isError && <p className="govuk-body">Could not verify: {String(verify.error.message)}</p>}
        {r && r.problems.length === 0 && (
          <p className="govuk-body">
            <Tag value="done" text="verified" /> {r.checked} chained {r.checked === 1 ? "entry" : "entries"} checked
            {r.total > r.checked ? ` (${r.total - r.checked} written before chaining began)` : ""}: every hash and every link holds.
          </p>
        )}
        {r && r.problems.length > 0 && (
          <>
            <p className="govuk-body">
              <Tag value="failed" text="broken" /> {r.problems.length} {r.problems.length === 1 ? "problem" : "problems"} in {r.checked} entries:
            </p>
            <ul className="govuk-list govuk-list--bullet">
              {r.problems.slice(0, 20).map((p) => (
                <li key={`${p.id}-${p.problem}`}>
                  Entry {p.seq ?? "?"} <span className="cma-hash">{p.id.slice(0, 8)}</span>: {p.problem}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={verify.isPending} onClick={() => verify.mutate()}>
        {r ? "Verify again" : "Verify the whole chain"}
      </button>
    </section>
  );
}

type Head = { seq: number; hash: string | null };

/** Compare the head the server reports with the one this browser saw last for the centre:
 * a lower sequence, or the same one with another hash, means the chain was cut back together
 * with its head (which no check inside the server can see). Hashes only: no personal data. */
export function headChange(before: Head | null, now: Head): "first" | "same" | "grown" | "cut" {
  if (!before) return "first";
  if (now.seq < before.seq) return "cut";
  if (now.seq === before.seq) return now.hash === before.hash ? "same" : "cut";
  return "grown";
}

const headKey = (centreId: string) => `cma.audit.head.${centreId}`;

function seenHead(centreId: string): Head | null {
  try {
    const raw = localStorage.getItem(headKey(centreId));
    return raw ? (JSON.parse(raw) as Head) : null;
  } catch {
    return null;
  }
}

/** The server's check of the whole chain (`GET /api/v1/audit/verify`, what `cma audit verify` does). */
export function ServerVerify() {
  const { me } = useMe();
  const check = useMutation({
    mutationFn: async () => {
      const report: Schemas["ChainVerifyOut"] = unwrap(await api.GET("/api/v1/audit/verify"));
      const now = { seq: report.head_seq, hash: report.head_hash };
      const change = headChange(seenHead(me.centre_id), now);
      if (report.intact && change !== "cut") localStorage.setItem(headKey(me.centre_id), JSON.stringify(now));
      return { report, change };
    },
  });
  const r = check.data;
  return (
    <section className="cma-card govuk-!-margin-bottom-6" aria-labelledby="server-verify-heading">
      <h2 className="govuk-heading-m" id="server-verify-heading">
        Chain check on the server
      </h2>
      <p className="govuk-body">
        Checks every entry, every link, the count and the chain head, and compares the head with the one this browser saw last.
      </p>
      <div aria-live="polite">
        {check.isPending && <p className="govuk-body" role="status">Checking…</p>}
        {check.isError && <p className="govuk-body">Could not check: {String(check.error.message)}</p>}
        {r && r.report.intact && r.change !== "cut" && (
          <p className="govuk-body">
            <Tag value="done" text="intact" /> {r.report.checked} {r.report.checked === 1 ? "entry" : "entries"} up to head #{r.report.head_seq}{" "}
            <span className="cma-hash">{(r.report.head_hash ?? "").slice(0, 12)}</span>
            {r.change === "grown" ? ", grown since your last check." : r.change === "same" ? ", unchanged since your last check." : "."}
          </p>
        )}
        {r && !r.report.intact && (
          <p className="govuk-body">
            <Tag value="failed" text="broken" /> {r.report.first_bad ? `Entry ${r.report.first_bad.seq ?? "(head)"}: ${r.report.first_bad.reason}` : "the chain does not hold"}
          </p>
        )}
        {r && r.report.intact && r.change === "cut" && (
          <p className="govuk-body">
            <Tag value="failed" text="cut back" /> The head is #{r.report.head_seq}, behind or different from the one this browser saw before: entries may have
            been removed with the head. Tell your data protection lead.
          </p>
        )}
      </div>
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={check.isPending} onClick={() => check.mutate()}>
        {r ? "Check again" : "Check the chain"}
      </button>
    </section>
  );
}
