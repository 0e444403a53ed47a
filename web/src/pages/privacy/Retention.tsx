// What the next retention run would delete: closed files past the centre's retention
// period (the compliance policy's years after closure), and those kept back by a legal
// hold. A dry run: the run itself is the operator's schedule (`cma retention run`, the
// worker's daily sweep), because it deletes files for good.
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";
import { CaseReference } from "../../components/ClientPicker";
import { dateTime } from "../../components/format";
import { QueryState } from "../../components/ui";

export function RetentionPage() {
  const due = useQuery({
    queryKey: ["retention-due"],
    queryFn: async () => unwrap(await api.GET("/api/v1/retention/due")),
  });
  return (
    <>
      <h1 className="govuk-heading-xl">Due for disposal</h1>
      <QueryState query={due} what="the files due for disposal">
        {(d) => (
          <>
            <p className="govuk-body">
              Closed files are kept {d.retention_years} years after closure (the centre's compliance policy, under Centre admin), then the retention run
              deletes them for good. Checked {dateTime(d.checked_at)}.
            </p>
            <div className="govuk-inset-text">
              The run itself is not started from here: it runs on the operator's schedule. This page shows what it would do.
            </div>
            <h2 className="govuk-heading-m">Would be deleted ({d.would_delete_cases.length})</h2>
            <CaseList ids={d.would_delete_cases} none="No closed file is past its retention period." />
            <h2 className="govuk-heading-m">Kept back by a legal hold ({d.held_cases.length})</h2>
            <CaseList ids={d.held_cases} none="No file due for disposal is held." />
          </>
        )}
      </QueryState>
    </>
  );
}

function CaseList({ ids, none }: { ids: string[]; none: string }) {
  if (ids.length === 0) return <p className="govuk-body">{none}</p>;
  return (
    <ul className="govuk-list govuk-list--bullet">
      {ids.map((id) => (
        <li key={id}>
          <Link className="govuk-link" to={`/cases/${id}`}>
            <CaseReference id={id} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
