import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type DragEvent } from "react";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";
import { useMe } from "../../auth/session";
import { dateTime, label } from "../../components/format";
import { ErrorSummary } from "../../components/forms";
import { QueryState, ScrollBox, Tag } from "../../components/ui";
import { SuggestionCard } from "./Evidence";

export function Documents({ caseId }: { caseId: string }) {
  const { can } = useMe();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const path = { case_id: caseId };
  const docs = useQuery({
    queryKey: ["documents", caseId],
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/documents", { params: { path } })),
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
    queryFn: async () => unwrap(await api.GET("/api/v1/cases/{case_id}/suggestions", { params: { path } })),
    refetchInterval: recent ? 1500 : false,
  });
  const upload = useMutation({
    mutationFn: async (file: File) =>
      unwrap(
        await api.POST("/api/v1/cases/{case_id}/documents", {
          params: { path },
          body: { file: file as unknown as string },
          bodySerializer: () => {
            const form = new FormData();
            form.append("file", file, file.name);
            return form;
          },
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["documents", caseId] }),
  });
  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) upload.mutate(file);
  }

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
          <ErrorSummary error={upload.error} fields={{ file: "document-file" }} />
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="document-file">
              Upload a letter or statement
            </label>
            <div className="govuk-hint" id="document-file-hint">
              PDF, PNG, JPEG, TIFF or HEIC. Drop a file here or choose one.
            </div>
            <input
              ref={input}
              id="document-file"
              className="govuk-file-upload"
              type="file"
              aria-describedby="document-file-hint"
              accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,.heic,application/pdf,image/*"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) upload.mutate(file);
                e.target.value = "";
              }}
            />
          </div>
          {upload.isPending && <p className="govuk-body" role="status">Uploading…</p>}
        </div>
      )}
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
                <tbody className="govuk-table__body" aria-live="polite">
                  {page.items.map((d) => (
                    <tr className="govuk-table__row" key={d.id}>
                      <td className="govuk-table__cell">{d.filename}</td>
                      <td className="govuk-table__cell">
                        <Tag value={d.status} text={d.status === "done" ? "read" : d.status} />
                        {d.failure_reason && <div className="govuk-hint govuk-!-margin-0">{d.failure_reason}</div>}
                      </td>
                      <td className="govuk-table__cell">{label(d.document_class)}</td>
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
      <QueryState query={suggestions} what="suggestions">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">No suggestions.</p>
          ) : (
            <ul className="govuk-list">
              {page.items.map((s) => (
                <SuggestionCard key={s.id} s={s} doc={docs.data?.items.find((d) => d.id === s.document_id)} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
