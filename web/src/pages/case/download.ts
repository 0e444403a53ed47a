import { api } from "../../api/client";

/** Save a file the API serves behind the bearer token (a plain link would not carry it). */
export async function download(url: "/api/v1/cases/{case_id}/letters/{letter_id}", caseId: string, letterId: string, name: string) {
  const r = await api.GET(url, {
    params: { path: { case_id: caseId, letter_id: letterId }, query: { format: "pdf" } },
    parseAs: "blob",
  });
  if (!r.response.ok || !r.data) throw new Error(`download failed (${r.response.status})`);
  const href = URL.createObjectURL(r.data as Blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
