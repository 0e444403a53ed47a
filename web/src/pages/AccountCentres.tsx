import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, type Schemas } from "../api/client";
import { unwrap } from "../api/problem";
import { useSession } from "../auth/session";
import { ErrorSummary } from "../components/forms";
import { roleWords } from "../components/format";
import { Pagination, QueryState, ScrollBox, SuccessBanner, Tag } from "../components/ui";

const LIMIT = 20;

/** The centres the signed-in person works for, by name, and a switch to each other one
 * (`GET /api/v1/auth/centres`, `POST /api/v1/auth/switch-centre`). A token acts for one
 * centre at a time: switching gets a token for the other and starts afresh there. */
export function YourCentres() {
  const { switchCentre } = useSession();
  const [offset, setOffset] = useState(0);
  const [switched, setSwitched] = useState<{ seq: number; name: string } | null>(null);
  const centres = useQuery({
    queryKey: ["my-centres", offset],
    queryFn: async () => unwrap(await api.GET("/api/v1/auth/centres", { params: { query: { limit: LIMIT, offset } } })),
  });
  const switching = useMutation({
    mutationFn: async (centre: Schemas["CentreChoiceOut"]) => {
      await switchCentre(centre.centre_id);
      return centre;
    },
    onSuccess: (centre) => setSwitched((s) => ({ seq: (s?.seq ?? 0) + 1, name: centre.name })),
  });
  return (
    <>
      <h2 className="govuk-heading-l">Your centres</h2>
      {switched && <SuccessBanner key={switched.seq} text={`You are now working for ${switched.name}.`} />}
      <ErrorSummary error={switching.error} />
      <QueryState query={centres} what="your centres">
        {(page) =>
          page.total <= 1 ? (
            <p className="govuk-body">
              You work for one centre{page.items[0] ? `: ${page.items[0].name}` : ""}. A centre's admin can add you to theirs; it
              is then listed here to switch to.
            </p>
          ) : (
            <>
              <p className="govuk-body">
                You work for {page.total} centres. You see and change one centre's cases at a time; switching starts afresh in the
                other. When you next sign in, you start in the centre you last switched to.
              </p>
              <ScrollBox label="Your centres">
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-visually-hidden">Centres you work for</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">Centre</th>
                      <th scope="col" className="govuk-table__header">Your roles</th>
                      <th scope="col" className="govuk-table__header">
                        <span className="govuk-visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {page.items.map((c) => (
                      <tr className="govuk-table__row" key={c.centre_id}>
                        <td className="govuk-table__cell">{c.name}</td>
                        <td className="govuk-table__cell">{roleWords(c.roles)}</td>
                        <td className="govuk-table__cell">
                          {c.current ? (
                            <Tag value="open" text="working here now" />
                          ) : !c.active ? (
                            <span className="govuk-hint govuk-!-margin-bottom-0">switched off by its admin</span>
                          ) : (
                            <button
                              type="button"
                              className="govuk-link cma-link-button"
                              disabled={switching.isPending}
                              onClick={() => switching.mutate(c)}
                            >
                              Switch{" "}
                              <span className="govuk-visually-hidden">to {c.name}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
              <Pagination total={page.total} limit={LIMIT} offset={offset} onOffset={setOffset} label="Your centres pages" />
            </>
          )
        }
      </QueryState>
    </>
  );
}
