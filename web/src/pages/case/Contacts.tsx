// The case's contact log: filter by channel, direction, party and purpose; log a contact;
// correct one (If-Match).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { dateTime, label } from "../../components/format";
import { Button, ErrorSummary, Select, TextArea, TextInput } from "../../components/forms";
import { Pagination, QueryState, Tag } from "../../components/ui";

type Contact = Schemas["ContactOut"];
type Channel = Schemas["Channel"];
type Direction = Schemas["Direction"];
type Party = Schemas["Party"];
type Purpose = Schemas["Purpose"];

const CHANNELS: Channel[] = ["phone", "email", "letter", "in_person", "video", "sms", "webchat", "other"];
const DIRECTIONS: Direction[] = ["inbound", "outbound"];
const PARTIES: Party[] = ["client", "creditor", "third_party"];
const PURPOSES: Purpose[] = ["first_contact", "advice", "review", "follow_up", "other"];
const opts = (xs: string[]) => xs.map((x) => [x, label(x)] as const);
const any = (xs: string[]) => [["", "Any"] as const, ...opts(xs)];

/** "2026-12-03T10:15" for a datetime-local input, in local time. */
export function localInput(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function ContactForm({ caseId, contact, onDone }: { caseId: string; contact?: Contact; onDone: () => void }) {
  const qc = useQueryClient();
  const [at, setAt] = useState(localInput(contact?.at ?? new Date().toISOString()));
  const [channel, setChannel] = useState<string>(contact?.channel ?? "phone");
  const [direction, setDirection] = useState<string>(contact?.direction ?? "outbound");
  const [party, setParty] = useState<string>(contact?.party ?? "client");
  const [purpose, setPurpose] = useState<string>(contact?.purpose ?? "follow_up");
  const [withWhom, setWithWhom] = useState(contact?.with_whom ?? "");
  const [summary, setSummary] = useState(contact?.summary ?? "");
  const save = useMutation({
    mutationFn: async () => {
      const body = {
        at: at ? new Date(at).toISOString() : "",
        channel: channel as Channel,
        direction: direction as Direction,
        party: party as Party,
        purpose: purpose as Purpose,
        with_whom: withWhom,
        summary,
      };
      if (contact) {
        return unwrap(
          await api.PATCH("/api/v1/cases/{case_id}/contacts/{contact_id}", {
            params: { path: { case_id: caseId, contact_id: contact.id }, header: ifMatch(contact.version) },
            body,
          }),
        );
      }
      return unwrap(await api.POST("/api/v1/cases/{case_id}/contacts", { params: { path: { case_id: caseId } }, body }));
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["contacts", caseId] });
      onDone();
    },
  });
  const p = contact ? `contact-${contact.id}` : "contact";
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <ErrorSummary
        error={save.error}
        fields={{ at: `${p}-at`, channel: `${p}-channel`, direction: `${p}-direction`, party: `${p}-party`, purpose: `${p}-purpose`, with_whom: `${p}-with`, summary: `${p}-summary` }}
      />
      <div className="cma-inline-form">
        <TextInput id={`${p}-at`} name="at" label="When" type="datetime-local" value={at} onChange={setAt} error={save.error} />
        <Select id={`${p}-channel`} name="channel" label="Channel" value={channel} onChange={setChannel} options={opts(CHANNELS)} error={save.error} />
        <Select id={`${p}-direction`} name="direction" label="Direction" value={direction} onChange={setDirection} options={opts(DIRECTIONS)} error={save.error} />
        <Select id={`${p}-party`} name="party" label="With" value={party} onChange={setParty} options={opts(PARTIES)} error={save.error} />
        <Select id={`${p}-purpose`} name="purpose" label="Purpose" value={purpose} onChange={setPurpose} options={opts(PURPOSES)} error={save.error} />
      </div>
      <TextInput id={`${p}-with`} name="with_whom" label="Who (name or organisation)" value={withWhom} onChange={setWithWhom} error={save.error} />
      <TextArea id={`${p}-summary`} name="summary" label="What was said or sent" rows={3} value={summary} onChange={setSummary} error={save.error} />
      <div className="govuk-button-group">
        <Button busy={save.isPending}>{contact ? "Save correction" : "Log contact"}</Button>
        {contact && (
          <Button type="button" secondary onClick={onDone}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

export function Contacts({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const [filter, setFilter] = useState({ channel: "", direction: "", party: "", purpose: "" });
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const limit = 20;
  const query = {
    limit,
    offset,
    channel: (filter.channel || undefined) as Channel | undefined,
    direction: (filter.direction || undefined) as Direction | undefined,
    party: (filter.party || undefined) as Party | undefined,
    purpose: (filter.purpose || undefined) as Purpose | undefined,
  };
  const contacts = useQuery({
    queryKey: ["contacts", caseId, query],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/contacts", { params: { path: { case_id: caseId }, query } })),
  });
  const set = (k: keyof typeof filter) => (v: string) => {
    setFilter({ ...filter, [k]: v });
    setOffset(0);
  };
  return (
    <>
      <h2 className="govuk-heading-l">Contact log</h2>
      {can("case:write") &&
        (adding ? (
          <div className="cma-card govuk-!-margin-bottom-6">
            <h3 className="govuk-heading-m">Log a contact</h3>
            <ContactForm caseId={caseId} onDone={() => setAdding(false)} />
          </div>
        ) : (
          <Button type="button" secondary onClick={() => setAdding(true)}>
            Log a contact
          </Button>
        ))}
      <div className="cma-inline-form" role="search" aria-label="Filter contacts">
        <Select id="contacts-channel" label="Channel" value={filter.channel} onChange={set("channel")} options={any(CHANNELS)} />
        <Select id="contacts-direction" label="Direction" value={filter.direction} onChange={set("direction")} options={any(DIRECTIONS)} />
        <Select id="contacts-party" label="With" value={filter.party} onChange={set("party")} options={any(PARTIES)} />
        <Select id="contacts-purpose" label="Purpose" value={filter.purpose} onChange={set("purpose")} options={any(PURPOSES)} />
      </div>
      <QueryState query={contacts} what="contacts">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No contacts {Object.values(filter).some(Boolean) ? "match these filters" : "logged yet"}.</p>
          ) : (
            <>
              <ul className="govuk-list" aria-label="Contacts, newest first">
                {page.items.map((c) => (
                  <li key={c.id} className="cma-card govuk-!-margin-bottom-3">
                    {editing === c.id ? (
                      <>
                        <h3 className="govuk-heading-s">Correct this contact</h3>
                        <ContactForm caseId={caseId} contact={c} onDone={() => setEditing(null)} />
                      </>
                    ) : (
                      <>
                        <p className="govuk-body-s govuk-!-margin-bottom-1">
                          {dateTime(c.at)} · <Tag value={c.direction} text={label(c.direction)} /> {label(c.channel)} with {label(c.party).toLowerCase()}: {c.with_whom} · {label(c.purpose)}
                        </p>
                        <p className="govuk-body govuk-!-margin-bottom-1">{c.summary}</p>
                        {can("case:write") && (
                          <button type="button" className="govuk-link cma-link-button" onClick={() => setEditing(c.id)}>
                            Correct<span className="govuk-visually-hidden"> the contact of {dateTime(c.at)}</span>
                          </button>
                        )}
                      </>
                    )}
                  </li>
                ))}
              </ul>
              <Pagination total={page.total} limit={limit} offset={offset} onOffset={setOffset} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
