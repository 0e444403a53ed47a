import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter, useLocation } from "react-router-dom";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { setAccessToken } from "../src/api/client";
import { App } from "../src/App";
import { SessionProvider } from "../src/auth/session";
import { answer, json } from "./harness";

const TOKEN = { access_token: "t", token_type: "bearer", expires_in: 900, centre_id: "c1", roles: ["adviser"], second_factor_setup_required: false };
const ME = { user_id: "u1", centre_id: "c1", roles: ["adviser"], permissions: ["case:read", "document:read"], second_factor_setup_required: false };
const DOCS: Record<string, { filename: string; content_type: string }> = {
  d10: { filename: "final-demand.pdf", content_type: "application/pdf" },
  d12: { filename: "payslip.png", content_type: "image/png" },
  d13: { filename: "statement.csv", content_type: "text/csv" },
};

let asked: string[] = [];
let signedIn = true;
/** The Web Locks a browser gives the page: the names asked for, each callback run at once. */
let locked: string[] = [];

beforeEach(() => {
  asked = [];
  locked = [];
  signedIn = true;
  Object.defineProperty(navigator, "locks", {
    configurable: true,
    value: { request: (name: string, callback: () => unknown) => (locked.push(name), Promise.resolve(callback())) },
  });
  vi.spyOn(URL, "createObjectURL").mockImplementation((b) => `blob:${(b as Blob).type}`);
  vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
  answer((r) => {
    const path = new URL(r.url).pathname;
    asked.push(`${r.method} ${path}`);
    if (path === "/api/v1/auth/refresh") return signedIn ? json(TOKEN) : json({ title: "Unauthorised", detail: "no session" }, 401);
    if (path === "/api/v1/auth/me") return json(ME);
    const about = path.match(/^\/api\/v1\/documents\/([^/]+)$/);
    if (about) {
      const doc = DOCS[about[1] ?? ""];
      return doc ? json({ id: about[1], case_id: "k1", status: "done", ...doc }) : json({ title: "Not Found", status: 404, detail: "no such document" }, 404);
    }
    const content = path.match(/^\/api\/v1\/documents\/([^/]+)\/content$/);
    const type = content ? DOCS[content[1] ?? ""]?.content_type : undefined;
    if (type) return new Response(type === "image/png" ? "\x89PNG" : "%PDF-1.7", { headers: { "content-type": type } });
    return json({ title: "Not Found", status: 404 }, 404);
  });
});

afterEach(() => {
  setAccessToken(null);
  Reflect.deleteProperty(navigator, "locks");
  vi.restoreAllMocks();
  document.title = "";
});

function Where() {
  return <output data-testid="where">{useLocation().pathname}</output>;
}

function open(at: string) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <MemoryRouter initialEntries={[at]}>
        <SessionProvider>
          <App />
        </SessionProvider>
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

test("a PDF's own page resumes the session, is titled with the file's name and shows the file in a frame filling it", async () => {
  open("/documents/d10/view");
  const frame = await screen.findByTitle("final-demand.pdf");
  expect(frame.tagName).toBe("IFRAME");
  expect(frame).toHaveAttribute("src", "blob:application/pdf");
  expect(frame).toHaveClass("cma-document-view__frame");
  expect(document.title).toBe("final-demand.pdf");
  expect(screen.getByRole("heading", { level: 1, name: "final-demand.pdf" })).toHaveClass("govuk-visually-hidden");
  // No header, navigation or footer of the console: the document alone.
  expect(screen.queryByRole("navigation")).toBeNull();
  expect(asked).toEqual(["POST /api/v1/auth/refresh", "GET /api/v1/auth/me", "GET /api/v1/documents/d10", "GET /api/v1/documents/d10/content"]);
  // The refresh cookie was traded under the lock every tab of the console queues on.
  expect(locked).toEqual(["cma-session-refresh"]);
});

test("an image is shown as an image, named by the file's name; the address freed when the page goes", async () => {
  const { unmount } = open("/documents/d12/view");
  const image = await screen.findByRole("img", { name: "payslip.png" });
  expect(image).toHaveAttribute("src", "blob:image/png");
  expect(image).toHaveClass("cma-document-view__image");
  expect(document.title).toBe("payslip.png");
  unmount();
  expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:image/png");
});

test("a document the API no longer has says so in the API's words, and in the tab's title", async () => {
  open("/documents/gone/view");
  expect(await screen.findByRole("heading", { level: 1, name: "The document is not shown" })).toBeInTheDocument();
  expect(screen.getByRole("alert")).toHaveTextContent("no such document");
  await waitFor(() => expect(document.title).toBe("Document not shown – CMA"));
  expect(asked).not.toContain("GET /api/v1/documents/gone/content");
});

test("a file a browser does not show is not fetched: the page says to download it from the case", async () => {
  open("/documents/d13/view");
  expect(await screen.findByRole("heading", { level: 1, name: "statement.csv" })).toBeInTheDocument();
  expect(screen.getByText(/does not show this kind of file \(text\/csv\)/)).toBeInTheDocument();
  expect(asked).not.toContain("GET /api/v1/documents/d13/content");
});

test("signed out, the page asks for sign-in first (and the sign-in page returns to it)", async () => {
  signedIn = false;
  open("/documents/d10/view");
  await waitFor(() => expect(screen.getByTestId("where")).toHaveTextContent("/sign-in"));
  expect(asked).not.toContain("GET /api/v1/documents/d10");
});

test("without Web Locks (an older browser) the session still resumes", async () => {
  Reflect.deleteProperty(navigator, "locks");
  open("/documents/d10/view");
  expect(await screen.findByTitle("final-demand.pdf")).toBeInTheDocument();
  expect(locked).toEqual([]);
});
