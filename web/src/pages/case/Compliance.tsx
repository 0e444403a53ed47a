import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";
import { date, dateTime } from "../../components/format";
import { QueryState, Tag } from "../../components/ui";

export function Compliance({ caseId }: { caseId: string }) {
  const report = useQuery({
    queryKey: ["compliance", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/compliance", { params: { path: { case_id: caseId } } })),
  });
  return (
    <>
      <h2 className="govuk-heading-l">Compliance</h2>
      <QueryState query={report} what="compliance findings">
        {(r) => (
          <>
            <p className="govuk-body">Checked {dateTime(r.evaluated_at)}.</p>
            {r.findings.filter((f) => f.status !== "pass").length === 0 ? (
              <p className="govuk-body">No rule is broken on this case.</p>
            ) : (
              <ul className="govuk-list">
                {r.findings
                  .filter((f) => f.status !== "pass")
                  .map((f) => (
                    <li key={f.rule_id} className="cma-card govuk-!-margin-bottom-3">
                      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                        <Tag value={f.severity} /> {f.rule_id}
                      </h3>
                      <p className="govuk-body govuk-!-margin-bottom-1">{f.message}</p>
                      {f.fix && <p className="govuk-body govuk-!-margin-bottom-1"><strong>What to do:</strong> {f.fix}</p>}
                      {f.due_on && <p className="govuk-body-s govuk-!-margin-bottom-0">By {date(f.due_on)}</p>}
                    </li>
                  ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
