import { api } from "../../api/client";
import { ApiError } from "../../api/problem";

/** Hand a fetched file to the browser to save as ``name``. */
function save(blob: Blob, name: string) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** The file a download fetched, or the API's problem in its words when it refused it
 * (a budget the SFS cannot hold yet: "household: record the household: the SFS requires
 * it"), else a title naming what could not be downloaded. */
function fetched(r: { response: Response; data?: unknown; error?: unknown }, what: string): Blob {
  if (!r.response.ok || !r.data) throw new ApiError(r.response.status, r.error ?? { title: `${what} could not be downloaded (${r.response.status})` });
  return r.data as Blob;
}

/** Save a letter as PDF: the API serves it behind the bearer token (a plain link would not
 * carry it). */
export async function downloadLetter(caseId: string, letterId: string, name: string) {
  const r = await api.GET("/api/v1/cases/{case_id}/letters/{letter_id}", {
    params: { path: { case_id: caseId, letter_id: letterId }, query: { format: "pdf" } },
    parseAs: "blob",
  });
  save(fetched(r, "The letter"), name);
}

/** An uploaded document's original file, as it was uploaded (typed as uploaded). */
export async function originalFile(documentId: string): Promise<Blob> {
  const r = await api.GET("/api/v1/documents/{document_id}/content", { params: { path: { document_id: documentId } }, parseAs: "blob" });
  return fetched(r, "The document");
}

/** Save an uploaded document's original file, as it was uploaded. */
export async function downloadDocument(documentId: string, name: string) {
  save(await originalFile(documentId), name);
}

/** The types a browser shows itself (its PDF viewer, an image): a TIFF, a HEIC photo or a
 * bank's export file is downloaded instead. */
const VIEWABLE = new Set(["application/pdf", "image/png", "image/jpeg"]);

export function viewable(contentType: string): boolean {
  return VIEWABLE.has(contentType);
}

/** Show an uploaded document in a new tab: the console's own page for it
 * (``/documents/:id/view``, ``DocumentView``), titled with the file's name and showing the
 * file as uploaded. The tab opens in the click itself (one opened later would be taken for
 * a pop-up and blocked) and is cut off from this page (its opener is null). Being a page of
 * the console's address rather than a ``blob:`` one, it shows the document again when
 * reloaded. Its address holds the document's id, never its name. */
export function viewDocument(documentId: string) {
  const tab = window.open(`/documents/${encodeURIComponent(documentId)}/view`, "_blank");
  if (!tab) throw new Error("the browser blocked the new tab: allow pop-ups for CMA, or download the file");
  tab.opener = null;
}

/** Save the case's budget as a Standard Financial Statement (SFS-DDS v1.1 data entry), as
 * the API exports it after checking it against the published schema. */
export async function downloadSfs(caseId: string, format: "json" | "xml", name: string) {
  const r = await api.GET("/api/v1/cases/{case_id}/sfs", { params: { path: { case_id: caseId }, query: { format } }, parseAs: "blob" });
  save(fetched(r, "The SFS"), name);
}

/** Save an adviser's appointments as an iCalendar file (cancelled ones kept, marked), to
 * import into Outlook or another calendar. */
export async function downloadCalendar(userId: string, name: string) {
  const r = await api.GET("/api/v1/advisers/{user_id}/calendar.ics", { params: { path: { user_id: userId } }, parseAs: "blob" });
  save(fetched(r, "The calendar"), name);
}

/** Save a letter template, not yet saved, as the PDF a letter made from it would be (on
 * made-up case data, under the centre's letterhead); the API's refusal names the subject or
 * the body. */
export async function downloadTemplatePreview(subject: string, body: string, name: string) {
  const r = await api.POST("/api/v1/letter-templates/preview", { params: { query: { format: "pdf" } }, body: { subject, body }, parseAs: "blob" });
  save(fetched(r, "The preview"), name);
}
