import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { api, type Schemas } from "../api/client";
import { ApiError, unwrap } from "../api/problem";
import { date, label } from "../components/format";
import { Button, ErrorSummary, TextInput } from "../components/forms";
import { Pagination, QueryState, SummaryList, Tag, Withheld } from "../components/ui";
import { useMe } from "../auth/session";
import { ClientDetailsForm } from "./ClientForm";
import { NotFound } from "./NotFound";
import { ReminderConsent } from "./ReminderConsent";

const LIMIT = 20;

export function ClientsList() {
  const { can } = useMe();
  const [params, setParams] = useSearchParams();
  const name = params.get("name") ?? "";
  const offset = Number(params.get("offset") ?? 0) || 0;
  const [typed, setTyped] = useState(name);
  const clients = useQuery({
    queryKey: ["clients", name, offset],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/clients", { params: { query: { name: name || null, limit: LIMIT, offset } } })),
  });

  function search(e: FormEvent) {
    e.preventDefault();
    setParams(typed ? { name: typed } : {});
  }

  return (
    <>
      <h1 className="govuk-heading-xl">Clients</h1>
      <form className="cma-inline-form" onSubmit={search} role="search">
        <TextInput id="client-name" label="Search by first or last name" value={typed} onChange={setTyped} width="20" />
        <Button secondary>Search</Button>
      </form>
      {can("client:write") && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Register a client</span>
          </summary>
          <div className="govuk-details__text">
            <p className="govuk-body">Search first: the client may already be here from an earlier case.</p>
            <ClientDetailsForm />
          </div>
        </details>
      )}
      <QueryState query={clients} what="clients">
        {(page) => (
          <>
            <p className="govuk-body" role="status">
              {page.total} {page.total === 1 ? "client" : "clients"}
            </p>
            <ul className="govuk-list">
              {page.items.map((c) => (
                <li key={c.id}>
                  <Link className="govuk-link" to={`/clients/${c.id}`}>
                    {c.first_name} {c.last_name}
                  </Link>{" "}
                  <span className="govuk-hint govuk-!-display-inline">born {date(c.date_of_birth)}</span>
                </li>
              ))}
            </ul>
            <Pagination
              total={page.total}
              limit={LIMIT}
              offset={offset}
              onOffset={(o) => setParams({ ...(name ? { name } : {}), offset: String(o) })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}

type Client = Schemas["ClientOut"];

function shown(client: Client, field: string, value: React.ReactNode) {
  return (client.withheld ?? []).includes(field) ? <Withheld /> : value;
}

export function ClientSummary({ client }: { client: Client }) {
  const address = client.address;
  return (
    <SummaryList
      rows={[
        ["Name", `${client.first_name} ${client.last_name}`],
        ["Date of birth", date(client.date_of_birth)],
        ["Email", client.email ?? "—"],
        ["Phone", client.phone ?? "—"],
        [
          "Address",
          shown(
            client,
            "address",
            address ? `${address.lines.join(", ")}, ${address.postcode}` : "—",
          ),
        ],
        ["Address suppressed", client.address_suppressed ? <Tag value="high" text="suppressed: do not disclose" /> : "No"],
        ["Reason for suppression", shown(client, "address_suppression_reason", client.address_suppression_reason ?? "—")],
        ["National Insurance number", shown(client, "ni_number", client.ni_number ?? "—")],
        [
          "Vulnerabilities",
          shown(client, "vulnerabilities", client.vulnerabilities?.length ? client.vulnerabilities.map(label).join(", ") : "None recorded"),
        ],
        ["Vulnerability notes", shown(client, "vulnerability_notes", client.vulnerability_notes ?? "—")],
        ["Health notes", shown(client, "health_notes", client.health_notes ?? "—")],
        ["Consent to record health data", shown(client, "health_data_consent_at", date(client.health_data_consent_at))],
      ]}
    />
  );
}

/** Opens a new case for the client and goes to it. */
function OpenCase({ clientId }: { clientId: string }) {
  const navigate = useNavigate();
  const open = useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/v1/cases", { body: { client_id: clientId } })),
    onSuccess: (k) => navigate(`/cases/${k.id}`),
  });
  return (
    <>
      <ErrorSummary error={open.error} />
      <Button busy={open.isPending} type="button" onClick={() => open.mutate()}>
        Open a new case
      </Button>
    </>
  );
}

export function ClientPage() {
  const { clientId = "" } = useParams();
  const [params] = useSearchParams();
  const { can } = useMe();
  const [changed, setChanged] = useState(false);
  const client = useQuery({
    queryKey: ["client", clientId],
    queryFn: async () => unwrap(await api.GET("/api/v1/clients/{client_id}", { params: { path: { client_id: clientId } } })),
  });
  const cases = useQuery({
    queryKey: ["cases", "client", clientId],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases", { params: { query: { client_id: clientId, limit: 50 } } })),
  });
  if (client.error instanceof ApiError && [404, 422, 400].includes(client.error.status)) return <NotFound what="Client" />;
  return (
    <QueryState query={client} what="the client">
      {(c) => (
        <>
          <span className="govuk-caption-l">Client</span>
          <h1 className="govuk-heading-xl">
            {c.first_name} {c.last_name}
          </h1>
          {params.get("registered") === "1" && (
            <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
              <div className="govuk-notification-banner__content">
                <p className="govuk-notification-banner__heading">
                  {c.first_name} {c.last_name} is registered.{can("case:write") ? " Open a case to start their advice." : ""}
                </p>
              </div>
            </div>
          )}
          {changed && (
            <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
              <div className="govuk-notification-banner__content">
                <p className="govuk-notification-banner__heading">The client's details are saved.</p>
              </div>
            </div>
          )}
          {(c.withheld ?? []).length > 0 && (
            <div className="govuk-inset-text">Some details are withheld: your role does not allow you to see sensitive information.</div>
          )}
          <ClientSummary client={c} />
          {can("client:write") && (c.withheld ?? []).length === 0 && (
            <details className="govuk-details" key={c.version}>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Change details</span>
              </summary>
              <div className="govuk-details__text">
                <ClientDetailsForm client={c} onDone={() => setChanged(true)} />
              </div>
            </details>
          )}
          {(can("client:export") || can("client:erase")) && (
            <p className="govuk-body">
              <Link className="govuk-link" to={`/clients/${c.id}/privacy`}>
                Data protection requests: subject access copy and erasure
              </Link>
            </p>
          )}
          <ReminderConsent clientId={c.id} writable={can("client:write")} />
          <h2 className="govuk-heading-m">Cases</h2>
          {can("case:write") && <OpenCase clientId={c.id} />}
          <QueryState query={cases} what="cases">
            {(page) => (
              <ul className="govuk-list">
                {page.items.map((k) => (
                  <li key={k.id}>
                    <Link className="govuk-link" to={`/cases/${k.id}`}>
                      {k.reference}
                    </Link>{" "}
                    <Tag value={k.status} />
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </>
      )}
    </QueryState>
  );
}
