import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { api, type Schemas } from "../../api/client";
import { everyItem, PAGE_LIMIT } from "../../api/pages";
import { ApiError, ifMatch, problemText, unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { dateTime, label, withArticle } from "../../components/format";
import { Button, Select } from "../../components/forms";
import { QueryState, ScrollBox, SuccessBanner, Tag } from "../../components/ui";
import { AcceptAll } from "./AcceptAll";
import { CLASSES } from "./Correction";
import { downloadDocument, viewable, viewDocument } from "./download";
import { SuggestionCard, type LineNow } from "./Evidence";
import { ClosedHint, useCaseOpen } from "./caseOpen";

type Doc = Schemas["DocumentOut"];

/** One chosen file on its way in: sent one after another, then read by the worker. */
export type Upload = {
  key: number;
  name: string;
  state: "waiting" | "uploading" | "uploaded" | "failed";
  /** Why it was refused, in an adviser's words. */
  problem?: string;
  documentId?: string;
};

/** Types the API takes: scans and photos, and a bank's CSV or OFX export. */
export const ACCEPT = ".pdf,.png,.jpg,.jpeg,.tif,.tiff,.heic,.csv,.ofx,.qfx,application/pdf,image/*,text/csv,application/x-ofx";

/** Where one upload has got to: sent, then read (or not), from the documents list. */
export function uploadState(u: Upload, doc: Doc | undefined, suggestions: number | undefined): string {
  if (u.state === "waiting") return "waiting to be sent";
  if (u.state === "uploading") return "uploading";
  if (u.state === "failed") return `not uploaded: ${u.problem ?? "it could not be sent"}`;
  if (!doc || doc.status === "queued") return "uploaded, waiting to be read";
  if (doc.status === "processing") return "uploaded, being read";
  if (doc.status === "failed") return `reading failed${doc.failure_reason ? `: ${doc.failure_reason}` : ""}`;
  const read = `read${doc.document_class ? ` (${label(doc.document_class).toLowerCase()})` : ""}`;
  if (suggestions === undefined) return `${read}, looking for suggestions`;
  return `${read}: ${suggestions === 0 ? "nothing to suggest, check it yourself" : `${suggestions} suggestion${suggestions === 1 ? "" : "s"} below`}`;
}

/** What the live region says about a batch: one line, changed as each file moves on. */
export function batchStatus(uploads: readonly Upload[]): string {
  if (uploads.length === 0) return "";
  if (uploads.length === 1) {
    const [u] = uploads as [Upload];
    return u.state === "uploaded" ? `${u.name} uploaded` : u.state === "failed" ? `${u.name} not uploaded` : `Uploading ${u.name}`;
  }
  const sending = uploads.findIndex((u) => u.state === "uploading");
  if (sending >= 0) return `Uploading ${sending + 1} of ${uploads.length}: ${uploads[sending]!.name}`;
  if (uploads.some((u) => u.state === "waiting")) return `${uploads.length} files chosen`;
  const sent = uploads.filter((u) => u.state === "uploaded").length;
  const failed = uploads.length - sent;
  return `${sent} of ${uploads.length} uploaded${failed ? `, ${failed} not uploaded` : ""}`;
}

/** A refused upload in plain words: a duplicate names the copy already on the case. */
export function uploadProblem(status: number, body: unknown, docs: readonly Doc[]): string {
  const b = (body ?? {}) as { detail?: string; title?: string; existing_document_id?: string; errors?: { message: string }[] };
  if (status === 409) {
    const existing = docs.find((d) => d.id === b.existing_document_id);
    return existing
      ? `it is already on this case, as ${existing.filename} (uploaded ${dateTime(existing.uploaded_at)})`
      : "it is already on this case";
  }
  if (status === 413) return "it is too big to upload";
  return b.errors?.[0]?.message ?? b.detail ?? b.title ?? `the server answered ${status}`;
}

let nextKey = 0;

const READING: Record<Doc["status"], string> = { queued: "waiting to be read", processing: "being read", done: "read", failed: "could not be read" };

/** A document's reading status; a failed one can be read again from here (the API's
 * retry), and the focus stays on the row, on what happens next. */
function Reading({ doc, caseId, writable }: { doc: Doc; caseId: string; writable: boolean }) {
  const qc = useQueryClient();
  const again = useRef<HTMLDivElement>(null);
  const retry = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST("/api/v1/documents/{document_id}/retry", { params: { path: { document_id: doc.id } }, headers: ifMatch(doc.version) })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["documents", caseId] }),
  });
  // The button goes once the document is queued again: the focus goes to the words that
  // say so (kept if it fails again, above the button that is back).
  const sent = retry.isSuccess;
  useEffect(() => {
    if (sent) again.current?.focus();
  }, [sent]);
  const id = `document-${doc.id}-retry`;
  return (
    <>
      <Tag value={doc.status} text={READING[doc.status]} />
      {doc.failure_reason && <div className="govuk-hint govuk-!-margin-0">{doc.failure_reason}</div>}
      {sent && (
        <div className="govuk-body-s govuk-!-margin-0" tabIndex={-1} ref={again}>
          Sent to be read again.
        </div>
      )}
      {doc.status === "failed" && writable && (
        <>
          {retry.isError && (
            <p className="govuk-error-message govuk-!-margin-0" id={`${id}-error`}>
              <span className="govuk-visually-hidden">Error:</span> {problemText(retry.error)}
            </p>
          )}
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-top-2 govuk-!-margin-bottom-0"
            disabled={retry.isPending}
            aria-describedby={retry.isError ? `${id}-error` : undefined}
            onClick={() => retry.mutate()}
          >
            Read it again<span className="govuk-visually-hidden"> ({doc.filename})</span>
          </button>
        </>
      )}
    </>
  );
}

/** A document's file: saved as uploaded, shown in a new tab (a PDF or an image), or deleted (asked first: its suggestions go with
 * it; what accepting them added to the case stays). */
function DocumentFile({ doc, caseId, writable, onDeleted }: { doc: Doc; caseId: string; writable: boolean; onDeleted: (text: string) => void }) {
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const confirm = useRef<HTMLDivElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (cancelled.current) {
      // Kept: the focus goes back to the button that asked.
      cancelled.current = false;
      deleteButton.current?.focus();
    }
  }, [asking]);
  const remove = useMutation({
    mutationFn: async () =>
      unwrap(await api.DELETE("/api/v1/documents/{document_id}", { params: { path: { document_id: doc.id } }, headers: ifMatch(doc.version) })),
    onSuccess: async () => {
      onDeleted(`${doc.filename} is deleted, with its suggestions. Anything they added to the case stays.`);
      await Promise.all([qc.invalidateQueries({ queryKey: ["documents", caseId] }), qc.invalidateQueries({ queryKey: ["suggestions", caseId] })]);
    },
  });
  const id = `document-${doc.id}-delete`;
  return (
    <>
      <span>{doc.filename}</span>
      <div className="govuk-!-margin-top-1">
        <button
          type="button"
          className="govuk-link cma-link-button govuk-!-margin-right-3"
          onClick={() => {
            setSaveProblem(null);
            downloadDocument(doc.id, doc.filename).catch((e: unknown) => setSaveProblem(`Not downloaded: ${problemText(e)}`));
          }}
        >
          Download<span className="govuk-visually-hidden"> {doc.filename}</span>
        </button>
        {viewable(doc.content_type) && (
          <button
            type="button"
            className="govuk-link cma-link-button govuk-!-margin-right-3"
            onClick={() => {
              setSaveProblem(null);
              try {
                viewDocument(doc.id);
              } catch (e) {
                setSaveProblem(`Not shown: ${problemText(e)}`);
              }
            }}
          >
            View<span className="govuk-visually-hidden"> {doc.filename}</span> (opens in new tab)
          </button>
        )}
        {writable && !asking && (
          <button type="button" ref={deleteButton} className="govuk-link cma-link-button" onClick={() => setAsking(true)}>
            Delete<span className="govuk-visually-hidden"> {doc.filename}</span>
          </button>
        )}
      </div>
      {saveProblem && (
        <p className="govuk-error-message govuk-!-margin-0" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {saveProblem}
        </p>
      )}
      {asking && (
        <div id={id} ref={confirm} tabIndex={-1} className="govuk-!-margin-top-2">
          <p className="govuk-body-s govuk-!-margin-bottom-2">
            Delete {doc.filename}? The file and all its suggestions go, decided ones too; debts, budget lines and dates already accepted from it stay on the case. You cannot undo this.
          </p>
          {remove.isError && (
            <p className="govuk-error-message" role="alert">
              <span className="govuk-visually-hidden">Error:</span> Not deleted:{" "}
              {problemText(remove.error)}
            </p>
          )}
          <div className="govuk-button-group govuk-!-margin-bottom-0">
            <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" disabled={remove.isPending} onClick={() => remove.mutate()}>
              Yes, delete<span className="govuk-visually-hidden"> {doc.filename}</span>
            </button>
            <button
              type="button"
              className="govuk-link cma-link-button"
              onClick={() => {
                cancelled.current = true;
                setAsking(false);
              }}
            >
              Cancel<span className="govuk-visually-hidden"> deleting {doc.filename}</span>
            </button>
          </div>
        </div>
      )}
    </>
  );
}

/** The kinds offered for a document: the one it was read as, then the likeliest others
 * the reader gave, then every other kind. */
export function kindOptions(doc: Pick<Doc, "document_class" | "class_alternatives">): Schemas["DocumentClass"][] {
  const first = [...(doc.document_class ? [doc.document_class] : []), ...(doc.class_alternatives ?? []).map((a) => a.document_class)];
  return [...first, ...CLASSES.filter((c) => !first.includes(c))];
}

/** What the adviser is told after a document is read again as the kind they said. */
export function reclassified(filename: string, kind: string, made: number, replaced: number): string {
  const k = label(kind).toLowerCase();
  const news = made === 0 ? "nothing new to suggest" : `${made} new suggestion${made === 1 ? "" : "s"} below`;
  const old = replaced === 0 ? "" : `; ${replaced} earlier suggestion${replaced === 1 ? " is" : "s are"} replaced`;
  const as = kind === "other" ? "none of the kinds CMA knows" : withArticle(k);
  return `${filename} is read again as ${as}: ${news}${old}`;
}

/** A read document's kind; the adviser can say it is another kind, and it is read again
 * as that one (its pending suggestions replaced, the decision taught to the classifier). */
function Kind({ doc, caseId, writable, onDone }: { doc: Doc; caseId: string; writable: boolean; onDone: (text: string) => void }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<string>(doc.document_class ?? "");
  const [unchosen, setUnchosen] = useState(false);
  const id = `document-${doc.id}-kind`;
  const change = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST("/api/v1/documents/{document_id}/reclassify", {
          params: { path: { document_id: doc.id } },
          headers: ifMatch(doc.version),
          body: { document_class: kind as Schemas["DocumentClass"] },
        }),
      ),
    onSuccess: async (out) => {
      setOpen(false);
      await Promise.all([qc.invalidateQueries({ queryKey: ["documents", caseId] }), qc.invalidateQueries({ queryKey: ["suggestions", caseId] })]);
      onDone(reclassified(doc.filename, out.document.document_class ?? kind, out.suggestions.length, out.replaced));
    },
  });
  const shown = label(doc.document_class);
  const likely = (doc.class_alternatives ?? []).map((a) => a.document_class);
  if (!writable || doc.status !== "done") return <>{shown}</>;
  const problem = change.isError ? problemText(change.error) : undefined;
  return (
    <details className="govuk-details govuk-!-margin-bottom-0" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      {/* tabIndex: focusable as browsers make it, so the warning's link can focus it */}
      <summary className="govuk-details__summary" id={id} tabIndex={0}>
        <span className="govuk-details__summary-text">
          {shown}
          <span className="govuk-visually-hidden"> ({doc.filename}): change the kind</span>
        </span>
      </summary>
      <div className="govuk-details__text">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setUnchosen(!kind);
            if (kind) change.mutate();
          }}
        >
          {likely.length > 0 && (
            <p className="govuk-body-s govuk-!-margin-bottom-2">
              The reader was not sure: it may be {likely.map((c) => label(c).toLowerCase()).join(" or ")}.
            </p>
          )}
          <Select
            id={`${id}-select`}
            label="What kind of document is it?"
            hint="It is read again as that kind: its suggestions waiting for a decision are replaced; decided ones stay."
            name="document_class"
            value={kind}
            error={change.error}
            onChange={setKind}
            options={[...(doc.document_class ? [] : ([["", "Choose a kind"]] as [string, string][])), ...kindOptions(doc).map((c) => [c, label(c)] as [string, string])]}
          />
          {unchosen && !kind && (
            <p className="govuk-error-message" role="alert">
              <span className="govuk-visually-hidden">Error:</span> Choose what kind of document it is
            </p>
          )}
          {problem && !(change.error instanceof ApiError && change.error.fieldMessage("document_class")) && (
            <p className="govuk-error-message" role="alert">
              <span className="govuk-visually-hidden">Error:</span> Not read again: {problem}
            </p>
          )}
          <Button secondary busy={change.isPending}>
            Read it again as this kind<span className="govuk-visually-hidden"> ({doc.filename})</span>
          </Button>
        </form>
      </div>
    </details>
  );
}

/** A document as the adviser knows it: its filename, with when it was uploaded where
 * another of the case's documents has the same name (phones name every photo image.jpg). */
export function documentName(documentId: string, docs: readonly Pick<Doc, "id" | "filename" | "uploaded_at">[]): string {
  const doc = docs.find((d) => d.id === documentId);
  if (!doc) return "a document";
  const twin = docs.some((d) => d.id !== doc.id && d.filename === doc.filename);
  return twin ? `${doc.filename} (uploaded ${dateTime(doc.uploaded_at)})` : doc.filename;
}

/** Suggestions by the document they were read from, in the order first read. */
export function byDocument<S extends { document_id: string }>(items: readonly S[]): Array<[string, S[]]> {
  const groups = new Map<string, S[]>();
  for (const s of items) groups.set(s.document_id, [...(groups.get(s.document_id) ?? []), s]);
  return [...groups];
}

export function Documents({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const open = useCaseOpen();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const problems = useRef<HTMLDivElement>(null);
  const [over, setOver] = useState(false);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [focusProblems, setFocusProblems] = useState(0);
  const [decision, setDecision] = useState<{ seq: number; text: string } | null>(null);
  const [documentNews, setDocumentNews] = useState<{ seq: number; text: string } | null>(null);
  const path = { case_id: caseId };
  const docs = useQuery({
    queryKey: ["documents", caseId],
    queryFn: () => everyItem(async (at) => unwrap(await api.GET("/api/v1/cases/{case_id}/documents", { params: { path, query: at } }))),
    // OCR runs after the upload answers: poll while anything is still being read.
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === "queued" || d.status === "processing") ? 1500 : false),
  });
  // Suggestions are made just after a document is read: keep looking for a short while.
  const recent =
    docs.data?.items.some(
      (d) => d.status === "queued" || d.status === "processing" || Date.now() - Date.parse(d.updated_at) < 30_000,
    ) ?? false;
  const suggestions = useQuery({
    queryKey: ["suggestions", caseId],
    queryFn: () => everyItem(async (at) => unwrap(await api.GET("/api/v1/cases/{case_id}/suggestions", { params: { path, query: at } }))),
    // A long list (more than one page) is read again less often: each reading is pages.
    refetchInterval: (q) => (recent ? ((q.state.data?.total ?? 0) > PAGE_LIMIT ? 6000 : 1500) : false),
  });
  // What a budget suggestion would replace: the budget as it stands (advisers who may see it).
  const budget = useQuery({
    queryKey: ["budget", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/budget", { params: { path } })),
    enabled: can("finance:read") && (suggestions.data?.items.some((s) => s.budget_line && s.status === "pending") ?? false),
  });
  const lineOf = (key: string | null | undefined): LineNow | undefined => {
    if (!key || !budget.data) return undefined;
    const line = budget.data.budget.lines[key];
    return line && line.amount_pence > 0 ? { amount_pence: line.amount_pence, frequency: line.frequency } : null;
  };
  useEffect(() => {
    if (focusProblems) problems.current?.focus();
  }, [focusProblems]);

  /** Sends the files one after another (the worker reads each as it arrives). */
  async function send(files: File[]) {
    if (files.length === 0) return;
    const batch: Upload[] = files.map((f) => ({ key: nextKey++, name: f.name, state: "waiting" }));
    setUploads(batch);
    const update = (key: number, change: Partial<Upload>) => setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));
    let failed = 0;
    for (const [i, file] of files.entries()) {
      const key = batch[i]!.key;
      update(key, { state: "uploading" });
      try {
        const r = await api.POST("/api/v1/cases/{case_id}/documents", {
          params: { path },
          body: { file: file as unknown as string },
          bodySerializer: () => {
            const form = new FormData();
            form.append("file", file, file.name);
            return form;
          },
        });
        if (r.response.ok && r.data) {
          update(key, { state: "uploaded", documentId: r.data.id });
        } else {
          failed++;
          update(key, { state: "failed", problem: uploadProblem(r.response.status, r.error, docs.data?.items ?? []) });
        }
      } catch (e) {
        failed++;
        update(key, { state: "failed", problem: `it could not be sent (${String(e)})` });
      }
      await qc.invalidateQueries({ queryKey: ["documents", caseId] });
    }
    if (failed) setFocusProblems((n) => n + 1);
  }
  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    void send([...e.dataTransfer.files]);
  }
  const failures = uploads.filter((u) => u.state === "failed");
  const busy = uploads.some((u) => u.state === "waiting" || u.state === "uploading");
  const refused = failures.length > 0 && !busy;
  /** A read document's suggestions; unknown until the list was fetched after its reading. */
  const countOf = (doc: Doc | undefined) => {
    if (!doc || !suggestions.data) return undefined;
    const n = suggestions.data.items.filter((s) => s.document_id === doc.id).length;
    return n === 0 && suggestions.dataUpdatedAt < Date.parse(doc.updated_at) + 3000 ? undefined : n;
  };
  const docOf = (id: string | undefined) => docs.data?.items.find((d) => d.id === id);

  return (
    <>
      <h2 className="govuk-heading-l">Documents</h2>
      {can("case:write") && (
        <div
          className={`cma-dropzone${over ? " cma-dropzone--active" : ""}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          {refused && (
            <div className="govuk-error-summary" data-module="govuk-error-summary" ref={problems} tabIndex={-1}>
              <div role="alert">
                <h2 className="govuk-error-summary__title">There is a problem</h2>
                <div className="govuk-error-summary__body">
                  <ul className="govuk-list govuk-error-summary__list">
                    {failures.map((u) => (
                      <li key={u.key}>
                        <a href="#document-file">
                          {u.name} was not uploaded: {u.problem}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </div>
          )}
          <div className={`govuk-form-group${refused ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label govuk-label--s" htmlFor="document-file">
              Upload letters, payslips or statements
            </label>
            <div className="govuk-hint" id="document-file-hint">
              Scans or photos (PDF, PNG, JPEG, TIFF or HEIC), or a bank&apos;s CSV or OFX export. Choose several at once, or drop them here.
            </div>
            {refused && (
              <p id="document-file-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> Not uploaded: {failures.map((u) => u.name).join(", ")}. Choose {failures.length === 1 ? "another file" : "other files"}, or leave {failures.length === 1 ? "it" : "them"}.
              </p>
            )}
            <input
              ref={input}
              id="document-file"
              className={`govuk-file-upload${refused ? " govuk-file-upload--error" : ""}`}
              type="file"
              multiple
              aria-describedby={refused ? "document-file-hint document-file-error" : "document-file-hint"}
              accept={ACCEPT}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = "";
                void send(files);
              }}
            />
          </div>
          <p className="govuk-body govuk-!-margin-bottom-1" role="status">
            {batchStatus(uploads)}
          </p>
          {uploads.length > 0 && (
            <ul className="govuk-list govuk-!-margin-bottom-0" aria-label="Files chosen" aria-live="polite">
              {uploads.map((u) => (
                <li key={u.key}>
                  <strong>{u.name}</strong>: {uploadState(u, docOf(u.documentId), countOf(docOf(u.documentId)))}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {documentNews && <SuccessBanner key={documentNews.seq} text={documentNews.text} />}
      <QueryState query={docs} what="documents">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No documents yet.</p>
          ) : (
            <ScrollBox>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">Documents</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">File</th>
                    <th scope="col" className="govuk-table__header">Reading</th>
                    <th scope="col" className="govuk-table__header">Kind</th>
                    <th scope="col" className="govuk-table__header">Uploaded</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {page.items.map((d) => (
                    <tr className="govuk-table__row" key={d.id}>
                      <td className="govuk-table__cell">
                        <DocumentFile doc={d} caseId={caseId} writable={can("case:write")} onDeleted={(text) => setDocumentNews((k) => ({ seq: (k?.seq ?? 0) + 1, text }))} />
                      </td>
                      <td className="govuk-table__cell">
                        <Reading doc={d} caseId={caseId} writable={can("case:write")} />
                      </td>
                      <td className="govuk-table__cell">
                        <Kind
                          doc={d}
                          caseId={caseId}
                          writable={can("case:write")}
                          onDone={(text) => setDocumentNews((k) => ({ seq: (k?.seq ?? 0) + 1, text }))}
                        />
                      </td>
                      <td className="govuk-table__cell">{dateTime(d.uploaded_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )
        }
      </QueryState>

      <h2 className="govuk-heading-l">Suggestions from documents</h2>
      {!open && can("case:write") && <ClosedHint what="suggestions" verb="accepted or rejected" />}
      {decision && <SuccessBanner key={decision.seq} text={decision.text} />}
      <QueryState query={suggestions} what="suggestions">
        {(page) => {
          const onDecided = (text: string) => setDecision((d) => ({ seq: (d?.seq ?? 0) + 1, text }));
          const card = (s: (typeof page.items)[number]) => (
            <SuggestionCard key={s.id} s={s} doc={docs.data?.items.find((d) => d.id === s.document_id)} now={lineOf(s.budget_line)} onDecided={onDecided} />
          );
          const pending = page.items.filter((s) => s.status === "pending");
          const done = page.items.filter((s) => s.status !== "pending");
          return (
            <>
              <h3 className="govuk-heading-m">Waiting for your decision ({pending.length})</h3>
              {pending.length === 0 ? (
                <p className="govuk-body">{page.items.length === 0 ? "No suggestions yet: they appear here once a document is read." : "None: every suggestion is decided."}</p>
              ) : (
                <div>
                {byDocument(pending).map(([documentId, waiting]) => {
                  const name = documentName(documentId, docs.data?.items ?? []);
                  return (
                    <div key={documentId} className="govuk-!-margin-bottom-4">
                      <p id={`waiting-${documentId}`} className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2">
                        From {name}: {waiting.length} waiting
                      </p>
                      {waiting.length > 1 && open && can("case:write") && (
                        <AcceptAll caseId={caseId} documentId={documentId} name={name} pending={waiting} now={(s) => lineOf(s.budget_line)} onDecided={onDecided} />
                      )}
                      <ul className="govuk-list" aria-labelledby={`waiting-${documentId}`}>
                        {waiting.map(card)}
                      </ul>
                    </div>
                  );
                })}
                </div>
              )}
              {done.length > 0 && (
                <details className="govuk-details">
                  <summary className="govuk-details__summary">
                    <span className="govuk-details__summary-text">Decided suggestions ({done.length})</span>
                  </summary>
                  <div className="govuk-details__text">
                    <ul className="govuk-list">{done.map(card)}</ul>
                  </div>
                </details>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
