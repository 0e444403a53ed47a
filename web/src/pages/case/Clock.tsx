import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { everyItem } from "../../api/pages";
import { fieldProblem, ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, dateTime, label, toPence, today } from "../../components/format";
import { Button, Checkbox, ErrorSummary, Select, TextInput } from "../../components/forms";
import { DateInput, checkDates } from "../../components/DateInput";
import { QueryState, ScrollBox, SuccessBanner, Tag, WarningText } from "../../components/ui";
import { conflictText } from "../calendar/calendar";
import { ClosedHint, useCaseOpen } from "./caseOpen";
import { DetailsForm } from "../../components/DetailsForm";

/** The dated events an adviser records, in their words; each starts the deadlines it
 * calls for (the API counts them and says how). */
const FACT_KINDS: [string, string][] = [
  ["court_claim_served", "Court claim form served"],
  ["letter_of_claim", "Letter of claim received (pre-action protocol)"],
  ["statutory_demand_served", "Statutory demand served"],
  ["creditor_petition", "Creditor's bankruptcy petition"],
  ["enforcement_notice", "Notice of enforcement received"],
  ["interim_charging_order_served", "Interim charging order served"],
  ["breathing_space_registered", "Breathing Space registered"],
  ["crisis_treatment_ended", "Mental health crisis treatment ended"],
  ["dro_approved", "DRO approved"],
  ["subject_access_request", "Subject access request received"],
  ["advice_given", "Advice given"],
  ["case_reviewed", "Case reviewed"],
];

/** Kinds whose date may be the *deemed* date of service the form prints (CPR 6.14 and
 * 6.26; IR 2016 for a demand): it may still be a few days ahead when the client brings
 * the letter in, and the deadlines count from it. */
const SERVICE_KINDS = new Set(["court_claim_served", "statutory_demand_served", "interim_charging_order_served"]);

function RecordFact({ caseId }: { caseId: string }) {
  const qc = useQueryClient();
  const [kind, setKind] = useState("court_claim_served");
  const [on, setOn] = useState(today());
  const [outside, setOutside] = useState(false);
  const [deemed, setDeemed] = useState(false);
  const [debt, setDebt] = useState("");
  const [deposit, setDeposit] = useState("");
  const [hearing, setHearing] = useState("");
  const record = useMutation({
    mutationFn: async () => {
      checkDates({ occurred_on: on, "details.hearing_on": kind === "creditor_petition" ? hearing.trim() : "" });
      const details: Record<string, unknown> = {};
      if (kind === "statutory_demand_served") details.served_outside_ew = outside;
      if (kind === "creditor_petition") {
        details.debt_pence = debt.trim() === "" ? null : toPence(debt);
        if (deposit.trim() !== "") details.deposit_pence = toPence(deposit);
        if (hearing.trim() !== "") details.hearing_on = hearing.trim();
      }
      return unwrap(
        await api.POST("/api/v1/cases/{case_id}/facts", {
          params: { path: { case_id: caseId } },
          body: {
            kind: kind as "court_claim_served",
            occurred_on: on,
            details,
            deemed: SERVICE_KINDS.has(kind) && deemed,
          },
        }),
      );
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["deadlines", caseId] });
      void qc.invalidateQueries({ queryKey: ["facts", caseId] });
      void qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
  const started = record.data?.deadlines.length;
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        record.mutate();
      }}
      noValidate
    >
      <h3 className="govuk-heading-m">Record a dated event</h3>
      <p className="govuk-body">Each event starts the deadlines it calls for, counted from its date, with a task for the case's adviser.</p>
      <ErrorSummary
        error={record.error}
        fields={{
          kind: "fact-kind",
          occurred_on: "fact-on",
          deemed: "fact-deemed",
          "details.debt_pence": "fact-debt",
          "details.deposit_pence": "fact-deposit",
          "details.hearing_on": "fact-hearing",
        }}
        labels={{
          occurred_on: "Date it happened:",
          "details.debt_pence": "Petition debt:",
          "details.deposit_pence": "Deposit:",
          "details.hearing_on": "Hearing date:",
        }}
      />
      {record.isSuccess && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              Recorded: {started === 1 ? "1 deadline" : `${started} deadlines`} started.
            </p>
          </div>
        </div>
      )}
      <Select id="fact-kind" name="kind" label="What happened" value={kind} onChange={setKind} error={record.error} options={FACT_KINDS} />
      <DateInput id="fact-on" name="occurred_on" label="Date it happened" hint="The day it was served, received or done." value={on} onChange={setOn} error={record.error} />
      {SERVICE_KINDS.has(kind) && (
        <Checkbox
          id="fact-deemed"
          label="This is the deemed date of service printed on the form (it may be up to 14 days ahead)"
          checked={deemed}
          onChange={setDeemed}
        />
      )}
      {kind === "statutory_demand_served" && (
        <Checkbox id="fact-outside" label="Served outside England and Wales" checked={outside} onChange={setOutside} />
      )}
      {kind === "creditor_petition" && (
        <>
          <TextInput id="fact-debt" name="details.debt_pence" label="Petition debt" prefix="£" width="10" inputMode="decimal" value={debt} onChange={setDebt} error={record.error} />
          <TextInput id="fact-deposit" name="details.deposit_pence" label="Deposit paid by the creditor (if known)" prefix="£" width="10" inputMode="decimal" value={deposit} onChange={setDeposit} error={record.error} />
          <DateInput id="fact-hearing" name="details.hearing_on" label="Hearing date (if known)" value={hearing} onChange={setHearing} error={record.error} />
        </>
      )}
      <Button busy={record.isPending}>Record event</Button>
    </form>
  );
}

type Fact = Schemas["FactOut"];

/** The events recorded on the case, oldest first; one recorded in error (a mistyped date,
 * the wrong kind) is withdrawn with a reason, and the deadlines it started with it. */
function RecordedEvents({ caseId, writable }: { caseId: string; writable: boolean }) {
  const qc = useQueryClient();
  const [withdrawing, setWithdrawing] = useState<Fact | null>(null);
  const [reason, setReason] = useState("");
  const facts = useQuery({
    queryKey: ["facts", caseId],
    queryFn: () => everyItem(async (at) => unwrap(await api.GET("/api/v1/cases/{case_id}/facts", { params: { path: { case_id: caseId }, query: at } }))),
  });
  const withdraw = useMutation({
    mutationFn: async (f: Fact) =>
      unwrap(
        await api.POST("/api/v1/cases/{case_id}/facts/{fact_id}/withdraw", {
          params: { path: { case_id: caseId, fact_id: f.id }, header: ifMatch(f.version) },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      setWithdrawing(null);
      setReason("");
      void qc.invalidateQueries({ queryKey: ["facts", caseId] });
      void qc.invalidateQueries({ queryKey: ["deadlines", caseId] });
      void qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
  const kindName = (kind: string) => FACT_KINDS.find(([k]) => k === kind)?.[1] ?? label(kind);
  // The reason's form opens under the table: take the keyboard (and a screen reader) there.
  useEffect(() => {
    if (withdrawing) document.getElementById("withdraw-reason")?.focus();
  }, [withdrawing]);
  return (
    <>
      <h3 className="govuk-heading-m">Recorded events</h3>
      <QueryState query={facts} what="recorded events">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No dated events are recorded on this case.</p>
          ) : (
            <ScrollBox>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">Recorded events, oldest first</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Event</th>
                    <th scope="col" className="govuk-table__header">Date</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                    {writable && (
                      <th scope="col" className="govuk-table__header">
                        <span className="govuk-visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {page.items.map((f) => (
                    <tr className="govuk-table__row" key={f.id}>
                      <td className="govuk-table__cell">
                        {kindName(f.kind)}
                        <div className="govuk-hint govuk-!-margin-0">
                          {f.deadlines.length === 1 ? "1 deadline" : `${f.deadlines.length} deadlines`}
                          {f.recorded_at ? `, recorded ${dateTime(f.recorded_at)}` : ""}
                        </div>
                      </td>
                      <td className="govuk-table__cell">
                        {date(f.occurred_on)}
                        {f.deemed && <div className="govuk-hint govuk-!-margin-0">deemed date of service</div>}
                      </td>
                      <td className="govuk-table__cell">
                        {f.withdrawn_at ? (
                          <>
                            <Tag value="withdrawn" />
                            <div className="govuk-body-s govuk-!-margin-0">{f.withdrawn_reason}</div>
                          </>
                        ) : (
                          <Tag value="standing" text="standing" />
                        )}
                      </td>
                      {writable && (
                        <td className="govuk-table__cell">
                          {!f.withdrawn_at && (
                            <button type="button" className="govuk-link cma-link-button" onClick={() => setWithdrawing(f)}>
                              Withdraw<span className="govuk-visually-hidden"> {kindName(f.kind)}, {date(f.occurred_on)}</span>
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )
        }
      </QueryState>
      {withdrawing && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            withdraw.mutate(withdrawing);
          }}
          noValidate
        >
          <ErrorSummary error={withdraw.error} fields={{ reason: "withdraw-reason" }} labels={{ reason: "Why it is withdrawn:" }} />
          <WarningText>
            Withdrawing “{kindName(withdrawing.kind)}, {date(withdrawing.occurred_on)}” stops its open deadlines and cancels their tasks. Record the right event afterwards.
          </WarningText>
          <TextInput id="withdraw-reason" name="reason" label="Why it is withdrawn" hint="For example: date mistyped, served 16 November" value={reason} onChange={setReason} error={withdraw.error} />
          <div className="govuk-button-group">
            <Button warning busy={withdraw.isPending}>Withdraw event</Button>
            <Button secondary type="button" onClick={() => setWithdrawing(null)}>
              Keep it
            </Button>
          </div>
        </form>
      )}
    </>
  );
}

export function Deadlines({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const qc = useQueryClient();
  const deadlines = useQuery({
    queryKey: ["deadlines", caseId],
    queryFn: () => everyItem(async (at) => unwrap(await api.GET("/api/v1/cases/{case_id}/deadlines", { params: { path: { case_id: caseId }, query: at } }))),
  });
  const met = useMutation({
    mutationFn: async (id: string) =>
      unwrap(
        await api.POST("/api/v1/cases/{case_id}/deadlines/{deadline_id}/complete", {
          params: { path: { case_id: caseId, deadline_id: id } },
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["deadlines", caseId] });
      void qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
  const writable = can("case:write");
  const open = useCaseOpen();
  return (
    <>
      <h2 className="govuk-heading-l">Deadlines</h2>
      <ErrorSummary error={met.error} />
      <QueryState query={deadlines} what="deadlines">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No deadlines are running on this case.</p>
          ) : (
            <ScrollBox>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">Deadlines, soonest first</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Deadline</th>
                    <th scope="col" className="govuk-table__header">Due</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                    <th scope="col" className="govuk-table__header">Rule</th>
                    {writable && (
                      <th scope="col" className="govuk-table__header">
                        <span className="govuk-visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {page.items.map((d) => (
                    <tr className="govuk-table__row" key={d.id}>
                      <td className="govuk-table__cell">
                        {label(d.kind)}
                        <div className="govuk-hint govuk-!-margin-0">
                          from {date(d.trigger)}: {d.amount} {label(d.counting).toLowerCase()}
                        </div>
                      </td>
                      <td className="govuk-table__cell">{date(d.due)}</td>
                      <td className="govuk-table__cell">
                        <Tag value={d.status} />
                      </td>
                      <td className="govuk-table__cell govuk-body-s">
                        {d.rule} ({d.source})
                      </td>
                      {writable && (
                        <td className="govuk-table__cell">
                          {d.status === "open" && (
                            <button type="button" className="govuk-link cma-link-button" disabled={met.isPending} onClick={() => met.mutate(d.id)}>
                              Mark as met<span className="govuk-visually-hidden"> {label(d.kind)}, due {date(d.due)}</span>
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )
        }
      </QueryState>
      <RecordedEvents caseId={caseId} writable={writable && open} />
      {writable && !open && <ClosedHint what="dated events" verb="recorded or withdrawn" />}
      {writable && open && <RecordFact caseId={caseId} />}
    </>
  );
}

/** A time of day as typed ("9:30", "09.30", "0930", "14:00") as HH:MM, else null. */
export function clockTime(text: string): string | null {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${(m[1] ?? "").padStart(2, "0")}:${m[2]}`;
}

type Appointment = Schemas["AppointmentOut"];

/** A slot as typed (a date, a time on the 24-hour clock, minutes) as the API's start and
 * end; a box that does not hold one is named (``start``, ``time``, ``end``). */
function slot(day: string, time: string, minutes: string): { start: string; end: string } {
  checkDates({ start: day });
  const at = clockTime(time);
  if (!at) throw fieldProblem("time", "must be a time on the 24-hour clock, like 09:30 or 14:00");
  const length = minutes.trim();
  if (!/^\d{1,3}$/.test(length) || Number(length) < 1) throw fieldProblem("end", "must be a whole number of minutes, like 60");
  const start = new Date(`${day}T${at}`);
  const end = new Date(start.getTime() + Number(length) * 60_000);
  return { start: start.toISOString(), end: end.toISOString() };
}

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant, as the boxes show them. */
function localParts(iso: string): { day: string; time: string } {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, "0");
  return { day: `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`, time: `${two(d.getHours())}:${two(d.getMinutes())}` };
}

/** What can be done with one booked appointment: moved to another slot or cancelled (with
 * a reason) before it starts; once begun, recorded as attended or missed. Each sends the
 * version read. */
function AppointmentActions({ appt, onDone }: { appt: Appointment; onDone: (text: string) => void }) {
  const qc = useQueryClient();
  const [reason, setReason] = useState("");
  const was = localParts(appt.start);
  const [day, setDay] = useState(was.day);
  const [time, setTime] = useState(was.time);
  const [minutes, setMinutes] = useState(String(Math.round((Date.parse(appt.end) - Date.parse(appt.start)) / 60_000)));
  const [allowConflict, setAllowConflict] = useState(false);
  const path = { appointment_id: appt.id };
  const header = ifMatch(appt.version);
  const when = dateTime(appt.start);
  const after = (text: string) => () => {
    onDone(text);
    void qc.invalidateQueries({ queryKey: ["appointments"] });
  };
  const cancel = useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/v1/appointments/{appointment_id}/cancel", { params: { path, header }, body: { reason } })),
    onSuccess: after(`The appointment on ${when} is cancelled.`),
  });
  const move = useMutation({
    mutationFn: async () => {
      const body = { ...slot(day, time, minutes), allow_conflict: allowConflict };
      return unwrap(await api.PATCH("/api/v1/appointments/{appointment_id}", { params: { path, header }, body }));
    },
    onSuccess: (moved) => {
      const clashes = moved.conflicts.map(conflictText).join("; ");
      after(`The appointment on ${when} is moved to ${dateTime(moved.start)}${clashes ? `, with ${moved.conflicts.length === 1 ? "a conflict" : "conflicts"}: ${clashes}` : ""}.`)();
    },
  });
  const attended = useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/v1/appointments/{appointment_id}/complete", { params: { path, header } })),
    onSuccess: after(`Recorded: the appointment on ${when} took place.`),
  });
  const missed = useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/v1/appointments/{appointment_id}/no-show", { params: { path, header } })),
    onSuccess: after(`Recorded: the client did not come to the appointment on ${when}.`),
  });
  const id = `appt-${appt.id}`;
  const begun = Date.parse(appt.start) <= Date.now();
  return (
    <>
      <ErrorSummary
        error={cancel.error ?? move.error ?? attended.error ?? missed.error}
        fields={{ reason: `${id}-reason`, start: `${id}-day`, time: `${id}-time`, end: `${id}-length` }}
      />
      {begun ? (
        <div className="govuk-button-group govuk-!-margin-top-2 govuk-!-margin-bottom-2">
          <Button type="button" secondary busy={attended.isPending} onClick={() => attended.mutate()}>
            It took place<span className="govuk-visually-hidden"> ({when})</span>
          </Button>
          <Button type="button" secondary busy={missed.isPending} onClick={() => missed.mutate()}>
            The client did not come<span className="govuk-visually-hidden"> ({when})</span>
          </Button>
        </div>
      ) : (
        <>
          <DetailsForm summary="Move" hidden={`the appointment on ${when}`} onSubmit={() => move.mutate()} className="govuk-!-margin-top-2 govuk-!-margin-bottom-0">
            <div className="cma-inline-form">
              <DateInput id={`${id}-day`} name="start" label="New date" value={day} onChange={setDay} error={move.error} />
              <TextInput id={`${id}-time`} name="time" label="Time" hint="24-hour, like 14:00" width="5" value={time} onChange={setTime} error={move.error} />
              <TextInput id={`${id}-length`} name="end" label="Minutes" width="3" inputMode="numeric" value={minutes} onChange={setMinutes} error={move.error} />
            </div>
            <Checkbox
              id={`${id}-allow-conflict`}
              label="Move even if the adviser is already booked, on leave or outside their hours"
              checked={allowConflict}
              onChange={setAllowConflict}
            />
            <Button busy={move.isPending}>Move the appointment</Button>
          </DetailsForm>
          <DetailsForm summary="Cancel" hidden={`the appointment on ${when}`} onSubmit={() => cancel.mutate()} className="govuk-!-margin-top-2 govuk-!-margin-bottom-2">
            <TextInput id={`${id}-reason`} name="reason" label="Why it is cancelled" value={reason} onChange={setReason} error={cancel.error} />
            <Button warning busy={cancel.isPending}>
              Cancel the appointment
            </Button>
          </DetailsForm>
        </>
      )}
    </>
  );
}

export function Appointments({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const open = useCaseOpen();
  const qc = useQueryClient();
  const [day, setDay] = useState(today());
  const [time, setTime] = useState("10:00");
  const [minutes, setMinutes] = useState("60");
  const [kind, setKind] = useState("in_person");
  const [location, setLocation] = useState("");
  const [allowConflict, setAllowConflict] = useState(false);
  const [news, setNews] = useState<{ seq: number; text: string } | null>(null);
  const told = (text: string) => {
    setNews((n) => ({ seq: (n?.seq ?? 0) + 1, text }));
    book.reset(); // the last booking's conflicts are stale once an appointment moves or ends
  };
  const appts = useQuery({
    queryKey: ["appointments", caseId],
    queryFn: () => everyItem(async (at) => unwrap(await api.GET("/api/v1/appointments", { params: { query: { ...at, case_id: caseId } } }))),
  });
  const book = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST("/api/v1/appointments", {
          body: { case_id: caseId, ...slot(day, time, minutes), kind: kind as "in_person", location, allow_conflict: allowConflict },
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["appointments"] }),
  });
  return (
    <>
      <h2 className="govuk-heading-l">Appointments</h2>
      {news && <SuccessBanner key={news.seq} text={news.text} />}
      <QueryState query={appts} what="appointments">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No appointments.</p>
          ) : (
            <ul className="govuk-list">
              {page.items.map((a) => (
                <li key={a.id}>
                  {dateTime(a.start)} – {new Date(a.end).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}: {label(a.kind)} <Tag value={a.status} />
                  {a.conflicts.map((c) => (
                    <div className="govuk-body-s govuk-!-margin-bottom-0" key={`${c.kind}:${c.other_appointment_id ?? ""}`}>
                      <strong className="govuk-tag govuk-tag--red">Conflict</strong> {conflictText(c)}
                    </div>
                  ))}
                  {a.status === "cancelled" && a.cancel_reason && <div className="govuk-body-s govuk-!-margin-bottom-0">Cancelled: {a.cancel_reason}</div>}
                  {a.status === "booked" && can("case:write") && <AppointmentActions key={`${a.id}:${a.version}`} appt={a} onDone={told} />}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {!open && can("case:write") && <ClosedHint what="appointments" verb="booked" />}
      {open && can("case:write") && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            book.mutate();
          }}
          noValidate
        >
          <h3 className="govuk-heading-m">Book an appointment</h3>
          <ErrorSummary error={book.error} fields={{ start: "appt-day", time: "appt-time", end: "appt-length", kind: "appt-kind", location: "appt-location" }} />
          <div className="cma-inline-form">
            <DateInput id="appt-day" name="start" label="Date" value={day} onChange={setDay} error={book.error} />
            <TextInput id="appt-time" name="time" label="Time" hint="24-hour, like 14:00" width="5" value={time} onChange={setTime} error={book.error} />
            <TextInput id="appt-length" name="end" label="Minutes" width="3" inputMode="numeric" value={minutes} onChange={setMinutes} error={book.error} />
            <Select
              id="appt-kind"
              name="kind"
              label="Kind"
              value={kind}
              onChange={setKind}
              error={book.error}
              options={[
                ["in_person", "In person"],
                ["phone", "Phone"],
                ["video", "Video"],
              ]}
            />
          </div>
          <TextInput id="appt-location" name="location" label="Where" hint="An address or room for in person; a number or link otherwise." value={location} onChange={setLocation} error={book.error} />
          <Checkbox
            id="appt-allow-conflict"
            label="Book even if the adviser is already booked, on leave or outside their hours"
            checked={allowConflict}
            onChange={setAllowConflict}
          />
          {book.data && book.data.conflicts.length > 0 && (
            <div className="govuk-inset-text" role="status">
              Booked, with {book.data.conflicts.length === 1 ? "a conflict" : `${book.data.conflicts.length} conflicts`}: {book.data.conflicts.map(conflictText).join("; ")}.
            </div>
          )}
          <Button busy={book.isPending}>Book</Button>
        </form>
      )}
    </>
  );
}
