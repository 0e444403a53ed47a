// The case's Documents tab: several files chosen at once are sent one after another, each
// with where it has got to (sent, read, its suggestions), and a refused one is named in a
// GOV.UK error summary linked to the file input.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Schemas } from "../src/api/client";

type Doc = Schemas["DocumentOut"];

const state = vi.hoisted(() => ({
  docs: [] as unknown[],
  suggestions: [] as unknown[],
  posted: [] as string[],
  posts: [] as Array<{ status: number; body: unknown }>,
}));
vi.hoisted(() => {
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { "content-type": status >= 400 ? "application/problem+json" : "application/json" } });
    if (input.method === "POST" && url.pathname.endsWith("/documents")) {
      state.posted.push(input.headers.get("content-type") ?? "");
      const next = state.posts.shift()!;
      if (next.status === 201) state.docs = [next.body, ...state.docs];
      return json(next.body, next.status);
    }
    const items = url.pathname.endsWith("/documents") ? state.docs : url.pathname.endsWith("/suggestions") ? state.suggestions : [];
    return json({ items, total: items.length, limit: 50, offset: 0, next_cursor: null });
  }) as typeof fetch;
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "a", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { batchStatus, Documents, uploadProblem, uploadState, type Upload } from "../src/pages/case/Documents";

function doc(id: string, filename: string, extra: Partial<Doc> = {}): Doc {
  return {
    id, case_id: "k1", filename, content_type: "image/png", status: "queued", document_class: null, class_confidence: null,
    failure_reason: null, attempts: 0, mean_confidence: null, page_count: null, sha256: "x", size: 1, version: 1,
    uploaded_at: "2026-12-05T09:00:00Z", updated_at: "2026-12-05T09:00:00Z", uploaded_by: null, ...extra,
  } as Doc;
}

function show() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <Documents caseId="k1" />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  state.docs = [];
  state.suggestions = [];
  state.posted = [];
  state.posts = [];
});

test("several files are sent one after another, and a duplicate is named in the error summary", async () => {
  state.docs = [doc("old", "payslip-oct.png", { status: "done", document_class: "payslip", uploaded_at: "2026-12-01T10:30:00Z" })];
  state.posts = [
    { status: 201, body: doc("d1", "lowell.png") },
    { status: 409, body: { title: "Conflict", status: 409, detail: "this file is already on the case as 'payslip-oct.png' (old)", existing_document_id: "old", errors: [{ field: "file", message: "this file is already on the case" }] } },
    { status: 201, body: doc("d3", "statement.csv", { content_type: "text/csv" }) },
  ];
  show();
  await screen.findByText("payslip-oct.png");
  const input = screen.getByLabelText("Upload letters, payslips or statements") as HTMLInputElement;
  expect(input.multiple).toBe(true);
  expect(input.accept).toContain(".csv");
  expect(input.accept).toContain(".ofx");
  const files = ["lowell.png", "payslip-copy.png", "statement.csv"].map((n) => new File([n], n, { type: n.endsWith(".csv") ? "text/csv" : "image/png" }));
  await userEvent.upload(input, files);
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("2 of 3 uploaded, 1 not uploaded"));
  expect(state.posted).toHaveLength(3);
  expect(state.posted[0]).toMatch(/^multipart\/form-data/);
  const chosen = screen.getByRole("list", { name: "Files chosen" });
  expect(within(chosen).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
    "lowell.png: uploaded, waiting to be read",
    expect.stringMatching(/^payslip-copy.png: not uploaded: it is already on this case, as payslip-oct.png \(uploaded 1 Dec 2026/),
    "statement.csv: uploaded, waiting to be read",
  ]);
  const summary = await screen.findByRole("alert");
  const link = within(summary).getByRole("link", { name: /payslip-copy.png was not uploaded: it is already on this case, as payslip-oct.png/ });
  expect(link).toHaveAttribute("href", "#document-file");
  expect(summary).not.toHaveTextContent(/\(old\)/);
  await waitFor(() => expect(document.activeElement).toBe(summary.parentElement));
});

test("each upload says where it has got to, up to its suggestions", () => {
  const sent: Upload = { key: 1, name: "a.png", state: "uploaded", documentId: "d1" };
  expect(uploadState({ ...sent, state: "waiting" }, undefined, undefined)).toBe("waiting to be sent");
  expect(uploadState(sent, doc("d1", "a.png", { status: "processing" }), undefined)).toBe("uploaded, being read");
  expect(uploadState(sent, doc("d1", "a.png", { status: "failed", failure_reason: "no text found" }), undefined)).toBe("could not be read: no text found");
  const read = doc("d1", "a.png", { status: "done", document_class: "bank_statement" });
  expect(uploadState(sent, read, undefined)).toBe("read (bank statement), looking for suggestions");
  expect(uploadState(sent, read, 0)).toBe("read (bank statement): nothing to suggest, check it yourself");
  expect(uploadState(sent, read, 3)).toBe("read (bank statement): 3 suggestions below");
  expect(batchStatus([sent, { key: 2, name: "b.png", state: "uploading" }, { key: 3, name: "c.png", state: "waiting" }])).toBe("Uploading 2 of 3: b.png");
  expect(uploadProblem(413, {}, [])).toBe("it is too big to upload");
  expect(uploadProblem(415, { errors: [{ field: "file", message: "this type of file is not accepted" }] }, [])).toBe("this type of file is not accepted");
});
