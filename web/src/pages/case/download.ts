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
async function originalFile(documentId: string): Promise<Blob> {
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

/** Show an uploaded document in a new tab, under its name. The tab opens in the click
 * itself (one opened after the fetch would be taken for a pop-up and blocked) and is cut
 * off from this page (its opener is null). It is given a page of its own, written here
 * into its blank document (same origin, so under the console's Content-Security-Policy):
 * titled with the file's name, as advisers keeping several letters open side by side tell
 * them apart (a tab sent to a ``blob:`` address is titled with a random id), and showing
 * the file once fetched behind the bearer token, as a ``blob:`` address typed as uploaded:
 * a PDF in a frame filling the tab (the browser's own viewer), an image as an image the
 * width of the tab at most (in a frame, the browser's image page sets inline styles the
 * policy refuses). The policy allows frames and images from ``blob:`` addresses for this;
 * the address is the tab's own, so it lives as long as the tab, and closing the tab frees
 * the file. Nothing is saved to disk. */
export async function viewDocument(documentId: string, name: string) {
  const tab = window.open("", "_blank");
  if (!tab) throw new Error("the browser blocked the new tab: allow pop-ups for CMA, or download the file");
  tab.opener = null;
  try {
    const page = tab.document;
    const root = page.documentElement;
    root.lang = "en";
    if (!page.head) root.prepend(page.createElement("head"));
    if (!page.body) root.append(page.createElement("body"));
    page.title = name;
    // Styles set on the elements themselves (the policy refuses an inline <style>).
    Object.assign(page.body.style, { margin: "0", fontFamily: "sans-serif" });
    const waiting = page.createElement("p");
    waiting.textContent = `Loading ${name}…`;
    waiting.style.margin = "1em";
    page.body.replaceChildren(waiting);
    const file = await originalFile(documentId);
    const href = (tab as Window & typeof globalThis).URL.createObjectURL(file);
    let shown: HTMLElement;
    if (file.type.startsWith("image/")) {
      const image = page.createElement("img");
      image.alt = name;
      image.src = href;
      Object.assign(image.style, { display: "block", maxWidth: "100%", height: "auto", margin: "0 auto" });
      shown = image;
    } else {
      const frame = page.createElement("iframe");
      frame.title = name;
      frame.src = href;
      Object.assign(frame.style, { display: "block", width: "100%", height: "100vh", border: "0" });
      shown = frame;
    }
    waiting.replaceWith(shown);
  } catch (e) {
    tab.close();
    throw e;
  }
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
