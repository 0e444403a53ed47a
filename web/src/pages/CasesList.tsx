import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router-dom";
import { api } from "../api/client";
import { unwrap } from "../api/problem";
import { date } from "../components/format";
import { Select } from "../components/forms";
import { Pagination, QueryState, Tag } from "../components/ui";

const LIMIT = 20;

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
                  hint="Choosing another adviser needs the users directory (issue 11)"
                  value={adviser}
                  onChange={(v) => set("adviser", v)}
                  options={[
                    ["", "Anyone"],
                    ["me", "Me"],
                  ]}
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
                <div className="cma-table-scroll">
                  <table className="govuk-table">
                    <caption className="govuk-table__caption govuk-visually-hidden">Cases</caption>
                    <thead className="govuk-table__head">
                      <tr className="govuk-table__row">
                        <th scope="col" className="govuk-table__header">Reference</th>
                        <th scope="col" className="govuk-table__header">Status</th>
                        <th scope="col" className="govuk-table__header">Opened</th>
                        <th scope="col" className="govuk-table__header">Updated</th>
                      </tr>
                    </thead>
                    <tbody className="govuk-table__body">
                      {page.items.map((c) => (
                        <tr className="govuk-table__row" key={c.id}>
                          <td className="govuk-table__cell">
                            <Link className="govuk-link" to={`/cases/${c.id}`}>
                              {c.reference}
                            </Link>
                          </td>
                          <td className="govuk-table__cell">
                            <Tag value={c.status} />
                          </td>
                          <td className="govuk-table__cell">{date(c.opened_at)}</td>
                          <td className="govuk-table__cell">{date(c.updated_at)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pagination total={page.total} limit={LIMIT} offset={offset} onOffset={(o) => set("offset", String(o))} />
              </>
            )}
          </QueryState>
        </div>
      </div>
    </>
  );
}
