// Whether the client agreed to appointment reminders, per channel. A channel not asked is
// treated as no: CMA sends a client no reminder until this records a yes (the API's
// contact-consent, with the version read; "0" the first time).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, type Schemas } from "../api/client";
import { ifMatch, unwrap } from "../api/problem";
import { dateTime } from "../components/format";
import { Button, Checkbox, ErrorSummary } from "../components/forms";
import { QueryState, SuccessBanner } from "../components/ui";

type Consent = Schemas["ConsentOut"];

/** "Text messages and email", "Text messages only", "None (not asked)"... */
export function consentText(c: Pick<Consent, "sms" | "email">): string {
  const yes = [c.sms && "text messages", c.email && "email"].filter(Boolean) as string[];
  if (yes.length === 2) return "Text messages and email";
  if (yes.length === 1) return `${yes[0]?.replace(/^./, (x) => x.toUpperCase())} only`;
  return c.sms === null && c.email === null ? "None (not asked yet)" : "None (the client said no)";
}

function ConsentForm({ clientId, consent, onDone }: { clientId: string; consent: Consent; onDone: () => void }) {
  const qc = useQueryClient();
  const [sms, setSms] = useState(consent.sms === true);
  const [email, setEmail] = useState(consent.email === true);
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT("/api/v1/clients/{client_id}/contact-consent", {
          params: { path: { client_id: clientId }, header: ifMatch(consent.version) },
          body: { sms, email },
        }),
      ),
    onSuccess: (saved) => {
      qc.setQueryData(["consent", clientId], saved);
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <ErrorSummary error={save.error} />
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">The client agreed to reminders by</legend>
        <Checkbox id="consent-sms" label="Text message" checked={sms} onChange={setSms} />
        <Checkbox id="consent-email" label="Email" checked={email} onChange={setEmail} />
      </fieldset>
      <Button secondary busy={save.isPending}>
        Save what the client agreed to
      </Button>
    </form>
  );
}

export function ReminderConsent({ clientId, writable }: { clientId: string; writable: boolean }) {
  const [saved, setSaved] = useState(0);
  const consent = useQuery({
    queryKey: ["consent", clientId],
    queryFn: async () => unwrap(await api.GET("/api/v1/clients/{client_id}/contact-consent", { params: { path: { client_id: clientId } } })),
  });
  return (
    <>
      <h2 className="govuk-heading-m">Appointment reminders</h2>
      {saved > 0 && <SuccessBanner key={saved} text="What the client agreed to is saved." />}
      <QueryState query={consent} what="the client's consent to reminders">
        {(c) => (
          <>
            <p className="govuk-body">
              {consentText(c)}
              {c.version > 0 && <span className="govuk-hint govuk-!-display-inline"> (recorded {dateTime(c.recorded_at)})</span>}
            </p>
            {writable && (
              <details className="govuk-details" key={c.version}>
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">Change what the client agreed to</span>
                </summary>
                <div className="govuk-details__text">
                  <ConsentForm clientId={clientId} consent={c} onDone={() => setSaved((n) => n + 1)} />
                </div>
              </details>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
