import { useQuery } from "@tanstack/react-query";
import { api, type Schemas } from "../../api/client";
import { unwrap } from "../../api/problem";
import { date, dateTime } from "../../components/format";
import { QueryState, Tag } from "../../components/ui";

type Finding = Schemas["FindingOut"];

const SEVERITY_ORDER: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

function worstFirst(a: Finding, b: Finding): number {
  return (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) || a.rule_id.localeCompare(b.rule_id);
}

function FindingCard({ f, severity }: { f: Finding; severity: boolean }) {
  return (
    <li className="cma-card govuk-!-margin-bottom-3">
      <h4 className="govuk-heading-s govuk-!-margin-bottom-1">
        {severity && (
          <>
            <Tag value={f.severity} />{" "}
          </>
        )}
        {f.rule_id}
      </h4>
      <p className="govuk-body govuk-!-margin-bottom-1">{f.message}</p>
      {f.fix && (
        <p className="govuk-body govuk-!-margin-bottom-1">
          <strong>What to do:</strong> {f.fix}
        </p>
      )}
      {f.due_on && <p className="govuk-body-s govuk-!-margin-bottom-0">By {date(f.due_on)}</p>}
    </li>
  );
}

/** Rules that hold or do not apply, listed plainly (no severity: nothing is wrong). */
function Quiet({ title, findings }: { title: string; findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {title} ({findings.length})
        </span>
      </summary>
      <div className="govuk-details__text">
        <ul className="govuk-list">
          {findings.map((f) => (
            <li key={f.rule_id}>
              <strong>{f.rule_id}</strong>: {f.message}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

/** A case's compliance report: the rules it breaks (worst first), those that cannot be
 * checked yet and why, then — folded away — those that pass and those that do not apply.
 * Only a broken rule carries its severity: a rule that does not apply is not a warning. */
export function Compliance({ caseId }: { caseId: string }) {
  const report = useQuery({
    queryKey: ["compliance", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/compliance", { params: { path: { case_id: caseId } } })),
  });
  return (
    <>
      <h2 className="govuk-heading-l">Compliance</h2>
      <QueryState query={report} what="compliance findings">
        {(r) => {
          const by = (status: string) => r.findings.filter((f) => f.status === status);
          const broken = by("fail").sort(worstFirst);
          const unchecked = by("not_assessable").sort(worstFirst);
          return (
            <>
              <p className="govuk-body">
                Checked {dateTime(r.evaluated_at)}: {broken.length} {broken.length === 1 ? "rule" : "rules"} broken,{" "}
                {unchecked.length} cannot be checked yet.
              </p>
              <h3 className="govuk-heading-m">Rules broken</h3>
              {broken.length === 0 ? (
                <p className="govuk-body">No rule is broken on this case.</p>
              ) : (
                <ul className="govuk-list">
                  {broken.map((f) => (
                    <FindingCard key={f.rule_id} f={f} severity />
                  ))}
                </ul>
              )}
              {unchecked.length > 0 && (
                <>
                  <h3 className="govuk-heading-m">Cannot be checked yet</h3>
                  <ul className="govuk-list">
                    {unchecked.map((f) => (
                      <FindingCard key={f.rule_id} f={f} severity={false} />
                    ))}
                  </ul>
                </>
              )}
              <Quiet title="Rules met" findings={by("pass")} />
              <Quiet title="Rules that do not apply yet" findings={by("not_applicable")} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
