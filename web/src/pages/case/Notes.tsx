import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { api } from "../../api/client";
import { everyItem } from "../../api/pages";
import { unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { dateTime } from "../../components/format";
import { Button, Checkbox, ErrorSummary, TextArea } from "../../components/forms";
import { QueryState, Tag } from "../../components/ui";
import { ClosedHint, useCaseOpen } from "./caseOpen";

export function Notes({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const open = useCaseOpen();
  const qc = useQueryClient();
  const [body, setBody] = useState("");
  const [sensitive, setSensitive] = useState(false);
  const [drafted, setDrafted] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const notes = useQuery({
    queryKey: ["notes", caseId],
    queryFn: () => everyItem(async (at) => unwrap(await api.GET("/api/v1/cases/{case_id}/notes", { params: { path: { case_id: caseId }, query: at } }))),
  });
  const add = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST("/api/v1/cases/{case_id}/notes", { params: { path: { case_id: caseId } }, body: { body, sensitive } })),
    onSuccess: () => {
      setBody("");
      setSensitive(false);
      setDrafted(null);
      void qc.invalidateQueries({ queryKey: ["notes", caseId] });
    },
  });
  // The assistant drafts a summary from the case's debts, budget and deadlines; it is not
  // saved: it goes into the box, to be checked and edited before it is added as a note.
  const draft = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST("/api/v1/cases/{case_id}/summary-draft", { params: { path: { case_id: caseId } } })),
    onSuccess: (d) => {
      setBody((now) => (now.trim() ? `${now.trimEnd()}\n\n${d.text}` : d.text));
      setDrafted(d.source);
      form.current?.querySelector("textarea")?.focus();
    },
  });
  return (
    <>
      <h2 className="govuk-heading-l">Notes</h2>
      <QueryState query={notes} what="notes">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No notes yet.</p>
          ) : (
            <ul className="govuk-list">
              {page.items.map((n) => (
                <li key={n.id} className="cma-card govuk-!-margin-bottom-3">
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    {dateTime(n.created_at)} {n.sensitive && <Tag value="high" text="sensitive" />}
                  </p>
                  <p className="govuk-body govuk-!-margin-bottom-0">{n.body}</p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {!open && can("note:write") && <ClosedHint what="notes" verb="added" />}
      {open && can("note:write") && (
        <form
          ref={form}
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            add.mutate();
          }}
          noValidate
        >
          <ErrorSummary error={add.error ?? draft.error} fields={{ body: "note-body" }} />
          <TextArea
            id="note-body"
            name="body"
            label="Add a note"
            hint={drafted ? `A summary was drafted into the box from the case's debts, budget and deadlines (${drafted}). Check and edit it before you add it: it is not saved until you do.` : undefined}
            rows={drafted ? 12 : 4}
            value={body}
            onChange={setBody}
            error={add.error}
          />
          {can("sensitive:write") && <Checkbox id="note-sensitive" label="Sensitive (only people allowed to see sensitive detail can read it)" checked={sensitive} onChange={setSensitive} />}
          <div className="govuk-button-group">
            <Button busy={add.isPending}>Add note</Button>
            {can("finance:read") && (
              <Button secondary type="button" busy={draft.isPending} onClick={() => draft.mutate()}>
                Draft a case summary
              </Button>
            )}
          </div>
        </form>
      )}
    </>
  );
}
