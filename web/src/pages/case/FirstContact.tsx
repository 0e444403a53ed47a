// First contact: the checklist (tick with a value where the item needs one; If-Match on the
// checklist's version) and the vulnerability screenings (FCA FG21/1), whose sensitive parts
// the API withholds from a role without sensitive:read: shown as withheld, never blank.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { everyItem } from "../../api/pages";
import { ifMatch, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { date, dateTime, label, today } from "../../components/format";
import { Button, Checkbox, ErrorSummary, Select, TextArea, TextInput } from "../../components/forms";
import { DateInput, checkDates } from "../../components/DateInput";
import { QueryState, SummaryList, Tag, Withheld } from "../../components/ui";
import { ClosedHint, useCaseOpen } from "./caseOpen";

type Item = Schemas["ChecklistItemOut"];

function ChecklistItem({ caseId, item, version }: { caseId: string; item: Item; version: number }) {
  const { can } = useMe();
  const open = useCaseOpen();
  const qc = useQueryClient();
  const [value, setValue] = useState(item.value ?? item.choices[0] ?? "");
  const [note, setNote] = useState("");
  const id = `check-${item.id}`;
  const change = useMutation({
    mutationFn: async (tick: boolean) => {
      const params = { path: { case_id: caseId, item: item.id }, header: ifMatch(version) };
      return tick
        ? unwrap(await api.PUT("/api/v1/cases/{case_id}/checklist/items/{item}", { params, body: { value: item.needs_value ? value : null, note: note || null } }))
        : unwrap(await api.DELETE("/api/v1/cases/{case_id}/checklist/items/{item}", { params }));
    },
    onSuccess: (data) => qc.setQueryData(["checklist", caseId], data),
  });
  return (
    <li className="govuk-task-list__item govuk-task-list__item--with-link">
      <div className="govuk-task-list__name-and-hint">
        <span className="govuk-body govuk-!-font-weight-bold">{item.label}</span>
        <div className="govuk-task-list__hint">
          {item.required ? "Required" : "Optional"} · {item.rule} ({item.source})
          {item.done && (
            <>
              {" "}
              · done {dateTime(item.done_at)}
              {item.value && <> · {label(item.value)}</>}
              {item.note && <> · {item.note}</>}
            </>
          )}
        </div>
        <ErrorSummary error={change.error} fields={{ value: `${id}-value`, note: `${id}-note` }} />
        {open &&
          can("case:write") &&
          (item.done ? (
            <Button type="button" secondary busy={change.isPending} onClick={() => change.mutate(false)}>
              Untick<span className="govuk-visually-hidden"> {item.label}</span>
            </Button>
          ) : (
            <form
              className="cma-inline-form govuk-!-margin-top-2"
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                change.mutate(true);
              }}
              noValidate
            >
              {item.needs_value &&
                (item.choices.length > 0 ? (
                  <Select id={`${id}-value`} name="value" label={<span>Answer<span className="govuk-visually-hidden"> for {item.label}</span></span>} value={value} onChange={setValue} options={item.choices.map((c) => [c, label(c)] as const)} error={change.error} />
                ) : (
                  <TextInput id={`${id}-value`} name="value" label={<span>Answer<span className="govuk-visually-hidden"> for {item.label}</span></span>} value={value} onChange={setValue} error={change.error} />
                ))}
              <TextInput id={`${id}-note`} name="note" label={<span>Note<span className="govuk-visually-hidden"> for {item.label}</span></span>} value={note} onChange={setNote} error={change.error} />
              <Button busy={change.isPending}>
                Mark done<span className="govuk-visually-hidden"> {item.label}</span>
              </Button>
            </form>
          ))}
      </div>
      <div className="govuk-task-list__status">{item.done ? "Completed" : <Tag value={item.required ? "pending" : "queued"} text={item.required ? "To do" : "Optional"} />}</div>
    </li>
  );
}

function Checklist({ caseId }: { caseId: string }) {
  const checklist = useQuery({
    queryKey: ["checklist", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/checklist", { params: { path: { case_id: caseId } } })),
  });
  return (
    <QueryState query={checklist} what="the first-contact checklist">
      {(c) => (
        <>
          <p className="govuk-body">
            {c.complete ? <Tag value="done" text="complete" /> : <Tag value="pending" text={`${c.missing.length} required still to do`} />} Checklist version {c.checklist_version}
          </p>
          <ul className="govuk-task-list">
            {c.items.map((i) => (
              <ChecklistItem key={`${i.id}-${c.version}`} caseId={caseId} item={i} version={c.version} />
            ))}
          </ul>
        </>
      )}
    </QueryState>
  );
}

function shown(s: Schemas["ScreeningOut"], field: string, value: React.ReactNode) {
  return s.withheld.includes(field) ? <Withheld /> : value;
}

function ScreeningForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const qc = useQueryClient();
  const guide = useQuery({
    queryKey: ["screening-guide"],
    queryFn: async () => unwrap(await api.GET("/api/v1/casework/screening-guide")),
    staleTime: Infinity,
  });
  const [on, setOn] = useState(today());
  const [drivers, setDrivers] = useState<string[]>([]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [adjustments, setAdjustments] = useState("");
  const [noAdjustment, setNoAdjustment] = useState("");
  const [notes, setNotes] = useState("");
  const save = useMutation({
    mutationFn: async () => {
      checkDates({ on });
      return unwrap(
        await api.POST("/api/v1/cases/{case_id}/screenings", {
          params: { path: { case_id: caseId } },
          body: {
            on,
            drivers,
            answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim())),
            adjustments: adjustments.split("\n").map((a) => a.trim()).filter(Boolean),
            no_adjustment_reason: noAdjustment || null,
            notes: notes || null,
          },
        }),
      );
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["screenings", caseId] });
      onDone();
    },
  });
  return (
    <QueryState query={guide} what="the screening guide">
      {(g) => (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            save.mutate();
          }}
          noValidate
        >
          <ErrorSummary error={save.error} fields={{ on: "screening-on", drivers: "screening-drivers", adjustments: "screening-adjustments", no_adjustment_reason: "screening-no-adjustment", notes: "screening-notes" }} />
          <DateInput id="screening-on" name="on" label="Screened on" value={on} onChange={setOn} error={save.error} />
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-4" id="screening-drivers">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Drivers of vulnerability seen ({g.source})</legend>
            {g.drivers.map((d) => (
              <Checkbox
                key={d.id}
                id={`driver-${d.id}`}
                label={`${d.label}${d.special_category ? " (special category data)" : ""}`}
                checked={drivers.includes(d.id)}
                onChange={(on) => setDrivers(on ? [...drivers, d.id] : drivers.filter((x) => x !== d.id))}
              />
            ))}
          </fieldset>
          {g.prompts.map((p) => (
            <TextInput key={p.id} id={`prompt-${p.id}`} name={`answers.${p.id}`} label={`${p.set}: ${p.label}`} value={answers[p.id] ?? ""} onChange={(v) => setAnswers({ ...answers, [p.id]: v })} error={save.error} />
          ))}
          <TextArea id="screening-adjustments" name="adjustments" label="Adjustments agreed" hint="One a line." rows={3} value={adjustments} onChange={setAdjustments} error={save.error} />
          <TextInput id="screening-no-adjustment" name="no_adjustment_reason" label="If none, why not" value={noAdjustment} onChange={setNoAdjustment} error={save.error} />
          <TextArea id="screening-notes" name="notes" label="Notes" rows={3} value={notes} onChange={setNotes} error={save.error} />
          <div className="govuk-button-group">
            <Button busy={save.isPending}>Record screening</Button>
            <Button type="button" secondary onClick={onDone}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </QueryState>
  );
}

export function Screenings({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const open = useCaseOpen();
  const [adding, setAdding] = useState(false);
  const screenings = useQuery({
    queryKey: ["screenings", caseId],
    queryFn: () => everyItem(async (at) => unwrap(await api.GET("/api/v1/cases/{case_id}/screenings", { params: { path: { case_id: caseId }, query: at } }))),
  });
  return (
    <>
      {open &&
        can("sensitive:write") &&
        (adding ? (
          <div className="cma-card govuk-!-margin-bottom-6">
            <h4 className="govuk-heading-s">Record a screening</h4>
            <ScreeningForm caseId={caseId} onDone={() => setAdding(false)} />
          </div>
        ) : (
          <Button type="button" secondary onClick={() => setAdding(true)}>
            Record a screening
          </Button>
        ))}
      <QueryState query={screenings} what="screenings">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No screening recorded yet.</p>
          ) : (
            <ScreeningList items={page.items} />
          )
        }
      </QueryState>
    </>
  );
}

export function ScreeningList({ items }: { items: Schemas["ScreeningOut"][] }) {
  return (
    <ul className="govuk-list">
      {items.map((s) => (
        <li key={s.id} className="cma-card govuk-!-margin-bottom-3">
          <h4 className="govuk-heading-s govuk-!-margin-bottom-1">
            Screening on {date(s.on)} <span className="govuk-body-s">(guide {s.guide_version})</span>
          </h4>
          {s.withheld.length > 0 && <p className="govuk-body-s">Some details are withheld: your role does not allow you to see sensitive detail.</p>}
          <SummaryList
            rows={[
              ["Drivers", shown(s, "drivers", s.drivers.length ? s.drivers.map(label).join(", ") : "None seen")],
              ["Answers", shown(s, "answers", Object.keys(s.answers).length ? Object.entries(s.answers).map(([k, v]) => `${label(k)}: ${v}`).join("; ") : "—")],
              ["Adjustments", shown(s, "adjustments", s.adjustments.length ? s.adjustments.join("; ") : s.no_adjustment_reason ?? "None")],
              ["Notes", shown(s, "notes", s.notes ?? "—")],
            ]}
          />
        </li>
      ))}
    </ul>
  );
}

export function FirstContact({ caseId }: { caseId: string }) {
  return (
    <>
      <h2 className="govuk-heading-l">First contact</h2>
      {!useCaseOpen() && <ClosedHint what="its checklist and screenings" />}
      <h3 className="govuk-heading-m">Checklist</h3>
      <Checklist caseId={caseId} />
      <h3 className="govuk-heading-m">Vulnerability screening</h3>
      <Screenings caseId={caseId} />
    </>
  );
}
