import { useMutation } from "@tanstack/react-query";
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
        are caught only against the chain head the server keeps apart, which <code>cma audit verify</code> checks (no route
        serves it yet).
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
