// The options appraisals saved on a case, newest first, each with what changed from the one
// saved before it: a solution the client no longer qualifies for (or now does) after the
// budget or the debts changed is what an adviser — or a file reviewer — looks for.
import { useQuery } from "@tanstack/react-query";
import { api, type Schemas } from "../../api/client";
import { everyItem } from "../../api/pages";
import { unwrap } from "../../api/problem";
import { date, dateTime, label } from "../../components/format";
import { QueryState, ScrollBox, tagWords } from "../../components/ui";

type Saved = Schemas["AppraisalRecord"];

/** What moved between two saved appraisals, in words: "Debt relief order: eligible → not
 * eligible"; a solution in only one of them (another jurisdiction) is named as such. */
export function appraisalChanges(before: Saved, after: Saved): string[] {
  const was = new Map(before.appraisal.options.map((o) => [o.solution, o.status as string]));
  const changes: string[] = [];
  if (before.appraisal.jurisdiction !== after.appraisal.jurisdiction) {
    changes.push(`Jurisdiction: ${before.appraisal.jurisdiction} → ${after.appraisal.jurisdiction}`);
  }
  for (const o of after.appraisal.options) {
    const old = was.get(o.solution);
    if (old === undefined) changes.push(`${label(o.solution)}: ${tagWords(o.status)} (not appraised before)`);
    else if (old !== o.status) changes.push(`${label(o.solution)}: ${tagWords(old)} → ${tagWords(o.status)}`);
  }
  return changes;
}

/** The solutions a saved appraisal found the client eligible for, named. */
export function eligibleFor(saved: Saved): string {
  const names = saved.appraisal.options.filter((o) => o.status === "eligible").map((o) => label(o.solution));
  return names.length ? names.join(", ") : "None";
}

export function SavedAppraisals({ caseId }: { caseId: string }) {
  const saved = useQuery({
    queryKey: ["appraisals", caseId],
    queryFn: () => everyItem(async (at) => unwrap(await api.GET("/api/v1/cases/{case_id}/appraisals", { params: { path: { case_id: caseId }, query: at } }))),
  });
  return (
    <>
      <h3 className="govuk-heading-m">Saved appraisals</h3>
      <QueryState query={saved} what="saved appraisals">
        {(page) => {
          const items = [...page.items].sort((a, b) => b.created_at.localeCompare(a.created_at));
          if (items.length === 0) return <p className="govuk-body">No appraisal saved on this case yet.</p>;
          return (
            <ScrollBox label="Saved appraisals">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">Saved appraisals, newest first, with what changed from the one before</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Saved</th>
                    <th scope="col" className="govuk-table__header">On date</th>
                    <th scope="col" className="govuk-table__header">Eligible for</th>
                    <th scope="col" className="govuk-table__header">Changed from the one before</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {items.map((s, i) => {
                    const before = items[i + 1];
                    const changes = before ? appraisalChanges(before, s) : null;
                    return (
                      <tr className="govuk-table__row" key={s.id}>
                        <td className="govuk-table__cell">{dateTime(s.created_at)}</td>
                        <td className="govuk-table__cell">
                          {date(s.appraisal.on_date)} ({s.appraisal.jurisdiction})
                        </td>
                        <td className="govuk-table__cell">{eligibleFor(s)}</td>
                        <td className="govuk-table__cell">
                          {changes === null ? (
                            <span className="govuk-hint">The first saved</span>
                          ) : changes.length === 0 ? (
                            "Nothing"
                          ) : (
                            <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
                              {changes.map((c) => (
                                <li key={c}>{c}</li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollBox>
          );
        }}
      </QueryState>
    </>
  );
}
