import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, type Schemas } from "../api/client";
import { unwrap } from "../api/problem";
import { useMe } from "../auth/session";
import { dateTime } from "../components/format";
import { TextInput } from "../components/forms";
import { Pagination, QueryState, ScrollBox, Tag } from "../components/ui";
import { ChainVerify, ServerVerify } from "./audit/ChainVerify";

const LIMIT = 50;

/** Whether each entry on the page names the one before it (newest first): a check of the
 * links the page can see, not a verification of the hashes (that is `cma audit verify`). */
function linksHold(items: Schemas["AuditOut"][]): boolean {
  const chained = items.filter((e) => e.seq !== null).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  for (let i = 1; i < chained.length; i++) {
    const prev = chained[i - 1]!;
    const cur = chained[i]!;
    if (cur.seq === (prev.seq ?? 0) + 1 && cur.prev_hash !== prev.hash) return false;
  }
  return true;
}

export default function AuditPage() {
  const { can } = useMe();
  if (!can("audit:read")) {
    // Reached by its address only (the menu leaves it out): say why, offer nothing to press.
    return (
      <>
        <h1 className="govuk-heading-xl">Audit trail</h1>
        <p className="govuk-body">Your role does not allow you to see the audit trail. A supervisor, an auditor or the centre's admin can.</p>
      </>
    );
  }
  return <AuditTrail />;
}

function AuditTrail() {
  const [offset, setOffset] = useState(0);
  const [action, setAction] = useState("");
  const [entity, setEntity] = useState("");
  const audit = useQuery({
    queryKey: ["audit", offset, action, entity],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/audit", {
          params: { query: { limit: LIMIT, offset, action: action || null, entity_type: entity || null } },
        }),
      ),
  });
  return (
    <>
      <h1 className="govuk-heading-xl">Audit trail</h1>
      <ServerVerify />
      <ChainVerify />
      <div className="cma-inline-form">
        <TextInput id="audit-action" label="Action" hint="For example client.updated" value={action} onChange={(v) => { setAction(v); setOffset(0); }} width="20" />
        <TextInput id="audit-entity" label="Record type" hint="For example case" value={entity} onChange={(v) => { setEntity(v); setOffset(0); }} width="10" />
      </div>
      <QueryState query={audit} what="the audit trail">
        {(page) => (
          <>
            <p className="govuk-body">
              Chain links on this page:{" "}
              {linksHold(page.items) ? <Tag value="done" text="intact" /> : <Tag value="failed" text="broken" />}
            </p>
            <ScrollBox>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">Audit entries</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">When</th>
                    <th scope="col" className="govuk-table__header">Who</th>
                    <th scope="col" className="govuk-table__header">Action</th>
                    <th scope="col" className="govuk-table__header">Record</th>
                    <th scope="col" className="govuk-table__header">Fields</th>
                    <th scope="col" className="govuk-table__header">Seq</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {page.items.map((e) => (
                    <tr className="govuk-table__row" key={e.id}>
                      <td className="govuk-table__cell">{dateTime(e.at)}</td>
                      <td className="govuk-table__cell">{e.actor_name ?? (e.actor_id ? e.actor_id.slice(0, 8) : "System")}</td>
                      <td className="govuk-table__cell">{e.action}</td>
                      <td className="govuk-table__cell">{e.entity_type}</td>
                      <td className="govuk-table__cell">{e.fields.join(", ") || "—"}</td>
                      <td className="govuk-table__cell">{e.seq ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
            <Pagination total={page.total} limit={LIMIT} offset={offset} onOffset={setOffset} />
          </>
        )}
      </QueryState>
    </>
  );
}
