import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { api, type Schemas } from "../../api/client";
import { unwrap } from "../../api/problem";
import { date, dateTime, label } from "../../components/format";
import { QueryState, SummaryList } from "../../components/ui";
import { CaseControls, statusText } from "./CaseControls";
import { ClientSummary } from "../Clients";

type Entry = Schemas["TimelineEntryOut"];

/** The case's timeline, newest first, from the timeline read model (one request a page). */
function useTimeline(caseId: string) {
  return useInfiniteQuery({
    queryKey: ["timeline", caseId],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/api/v1/cases/{case_id}/timeline", {
          params: { path: { case_id: caseId }, query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

function entryText(e: Entry): string {
  return e.detail ? `${e.title}: ${e.detail}` : e.title;
}

export function Overview({ kase }: { kase: Schemas["CaseOut"] }) {
  const client = useQuery({
    queryKey: ["client", kase.client_id],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/clients/{client_id}", { params: { path: { client_id: kase.client_id } } })),
  });
  const timeline = useTimeline(kase.id);
  const entries: Entry[] = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-half">
        <h2 className="govuk-heading-m">Case</h2>
        <SummaryList
          rows={[
            ["Reference", kase.reference],
            ["Opened", date(kase.opened_at)],
            ["Status", statusText(kase)],
            ["Adviser", kase.adviser_name ?? (kase.adviser_id ? "—" : "Unassigned")],
            ["Client", <Link className="govuk-link" to={`/clients/${kase.client_id}`}>{kase.client_name ?? "Client record"}</Link>],
          ]}
        />
        <CaseControls kase={kase} />
        <h2 className="govuk-heading-m">Client</h2>
        <QueryState query={client} what="the client">
          {(c) => <ClientSummary client={c} />}
        </QueryState>
      </div>
      <div className="govuk-grid-column-one-half">
        <h2 className="govuk-heading-m">Timeline</h2>
        {timeline.isPending && (
          <p className="govuk-body" role="status">
            Loading the timeline…
          </p>
        )}
        {timeline.isError && (
          <p className="govuk-error-message" role="alert">
            The timeline could not be loaded.
          </p>
        )}
        <div className="moj-timeline">
          {entries.map((e) => (
            <div className="moj-timeline__item" key={e.id}>
              <div className="moj-timeline__header">
                <h3 className="moj-timeline__title">{label(e.kind)}</h3>{" "}
                {e.actor_name && <p className="moj-timeline__byline">by {e.actor_name}</p>}
              </div>
              <p className="moj-timeline__date">
                <time dateTime={e.at}>{dateTime(e.at)}</time>
              </p>
              <div className="moj-timeline__description">{entryText(e)}</div>
            </div>
          ))}
        </div>
        {timeline.hasNextPage && (
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={timeline.isFetchingNextPage}
            onClick={() => void timeline.fetchNextPage()}
          >
            Show older entries
          </button>
        )}
      </div>
    </div>
  );
}
