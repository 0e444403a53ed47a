import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router-dom";
import { api, type Schemas } from "../api/client";
import { unwrap } from "../api/problem";
import { date, today } from "../components/format";
import { Select } from "../components/forms";
import { Pagination, QueryState, ScrollBox, Tag } from "../components/ui";

const LIMIT = 20;

type Row = Schemas["CaseListItemOut"];

/** The case's failing compliance findings, worst first ("None" when all pass). */
export function Findings({ findings }: { findings: Row["findings"] }) {
  const failing = (["critical", "high", "medium"] as const).filter((s) => findings[s] > 0);
  if (failing.length === 0) return <>None</>;
  return (
    <>
      {failing.map((s) => (
        <span key={s} className="cma-nowrap">
          <Tag value={s} text={`${findings[s]} ${s}`} />{" "}
        </span>
      ))}
    </>
  );
}

/** The soonest open deadline, flagged when it has passed or falls within a week. */
export function NextDeadline({ on, now = today() }: { on: string | null; now?: string }) {
  if (!on) return <>—</>;
  const days = Math.round((Date.parse(`${on}T00:00:00Z`) - Date.parse(`${now}T00:00:00Z`)) / 86_400_000);
  return (
    <>
      {date(on)}
      {days < 0 && (
        <>
          {" "}
          <Tag value="overdue" text="overdue" />
        </>
      )}
      {days >= 0 && days <= 7 && (
        <>
          {" "}
          <Tag value="high" text={days === 0 ? "today" : `in ${days} day${days === 1 ? "" : "s"}`} />
        </>
      )}
    </>
  );
}

export function CasesList() {
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "open";
  const adviser = params.get("adviser") ?? "";
  const offset = Number(params.get("offset") ?? 0) || 0;

  function set(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "offset") next.delete("offset");
    setParams(next);
  }

  const cases = useQuery({
    queryKey: ["cases", status, adviser, offset],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/cases", {
          params: {
            query: {
              status: status === "all" ? null : (status as "open" | "closed"),
              adviser_id: adviser || null,
              limit: LIMIT,
              offset,
            },
          },
        }),
      ),
  });

  // The centre's advisers, for the filter; without the directory (no permission to read
  // it) the filter still offers "Anyone" and "Me".
  const advisers = useQuery({
    queryKey: ["staff", "advisers"],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/users", { params: { query: { role: "adviser", active: true, limit: 200 } } })),
    retry: false,
  });
  const adviserOptions: [string, string][] = [
    ["", "Anyone"],
    ["me", "Me"],
    ...(advisers.data?.items ?? []).map((u): [string, string] => [u.id, u.display_name]),
  ];

  return (
    <>
      <h1 className="govuk-heading-xl">Cases</h1>
      <div className="moj-filter-layout">
        <div className="moj-filter-layout__filter-container">
          <div className="moj-filter" role="search" aria-label="Filter cases">
            <div className="moj-filter__header">
              <div className="moj-filter__header-title">
                <h2 className="govuk-heading-m">Filter</h2>
              </div>
            </div>
            <div className="moj-filter__content">
              <div className="moj-filter__options">
                <Select
                  id="filter-status"
                  label="Status"
                  value={status}
                  onChange={(v) => set("status", v)}
                  options={[
                    ["open", "Open"],
                    ["closed", "Closed"],
                    ["all", "All"],
                  ]}
                />
                <Select
                  id="filter-adviser"
                  label="Adviser"
                  value={adviser}
                  onChange={(v) => set("adviser", v)}
                  options={adviserOptions}
                />
              </div>
            </div>
          </div>
        </div>
        <div className="moj-filter-layout__content">
          <QueryState query={cases} what="cases">
            {(page) => (
              <>
                <p className="govuk-body" role="status">
                  {page.total} {page.total === 1 ? "case" : "cases"}
                </p>
                <ScrollBox>
                  <table className="govuk-table">
                    <caption className="govuk-table__caption govuk-visually-hidden">Cases</caption>
                    <thead className="govuk-table__head">
                      <tr className="govuk-table__row">
                        <th scope="col" className="govuk-table__header">Case</th>
                        <th scope="col" className="govuk-table__header">Status</th>
                        <th scope="col" className="govuk-table__header">Adviser</th>
                        <th scope="col" className="govuk-table__header">Next deadline</th>
                        <th scope="col" className="govuk-table__header govuk-table__header--numeric">Open tasks</th>
                        <th scope="col" className="govuk-table__header">Findings</th>
                        <th scope="col" className="govuk-table__header">Last activity</th>
                      </tr>
                    </thead>
                    <tbody className="govuk-table__body">
                      {page.items.map((c) => (
                        <tr className="govuk-table__row" key={c.id}>
                          <td className="govuk-table__cell">
                            <Link className="govuk-link" to={`/cases/${c.id}`}>
                              {c.reference}
                            </Link>
                            <div className="govuk-hint govuk-!-margin-0">{c.client_name ?? "Client"}</div>
                          </td>
                          <td className="govuk-table__cell">
                            <Tag value={c.status} />
                          </td>
                          <td className="govuk-table__cell">{c.adviser_name ?? "Unassigned"}</td>
                          <td className="govuk-table__cell">
                            {c.status === "open" ? <NextDeadline on={c.next_deadline} /> : "—"}
                          </td>
                          <td className="govuk-table__cell govuk-table__cell--numeric">{c.open_tasks}</td>
                          <td className="govuk-table__cell">
                            <Findings findings={c.findings} />
                          </td>
                          <td className="govuk-table__cell">{date(c.last_activity_at)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollBox>
                <Pagination total={page.total} limit={LIMIT} offset={offset} onOffset={(o) => set("offset", String(o))} />
              </>
            )}
          </QueryState>
        </div>
      </div>
    </>
  );
}
