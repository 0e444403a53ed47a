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

/** Save a file the API serves behind the bearer token (a plain link would not carry it). */
export async function download(url: "/api/v1/cases/{case_id}/letters/{letter_id}", caseId: string, letterId: string, name: string) {
  const r = await api.GET(url, {
    params: { path: { case_id: caseId, letter_id: letterId }, query: { format: "pdf" } },
    parseAs: "blob",
  });
  if (!r.response.ok || !r.data) throw new Error(`download failed (${r.response.status})`);
  save(r.data as Blob, name);
}

/** Save an uploaded document's original file, as it was uploaded. */
export async function downloadDocument(documentId: string, name: string) {
  const r = await api.GET("/api/v1/documents/{document_id}/content", { params: { path: { document_id: documentId } }, parseAs: "blob" });
  if (!r.response.ok || !r.data) throw new Error(`download failed (${r.response.status})`);
  save(r.data as Blob, name);
}

/** Save the case's budget as a Standard Financial Statement (SFS-DDS v1.1 data entry), as
 * the API exports it after checking it against the published schema. */
export async function downloadSfs(caseId: string, format: "json" | "xml", name: string) {
  const r = await api.GET("/api/v1/cases/{case_id}/sfs", { params: { path: { case_id: caseId }, query: { format } }, parseAs: "blob" });
  // A budget the SFS cannot hold yet is the API's problem, in its words ("household: record
  // the household: the SFS requires it"), not a bare status.
  if (!r.response.ok || !r.data) throw new ApiError(r.response.status, r.error ?? { title: `The SFS could not be exported (${r.response.status})` });
  save(r.data as Blob, name);
}
