// What the page tests share: a fake API behind `fetch`, answers in the API's shapes, and a
// page rendered with the providers the console gives it.
//
// openapi-fetch takes `globalThis.fetch` when src/api/client.ts makes its client (at import),
// so tests/setup.ts installs `dispatch` before any test file loads; a test file then says
// how the API answers with `answer(handler)` at its top level (any time before it renders).
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router-dom";

/** How a test's fake API answers one request. */
export type Handler = (request: Request) => Response | Promise<Response>;

/** A page of a list with nothing in it, as every list route answers. */
export const emptyPage = () => ({ items: [] as unknown[], total: 0, limit: 200, offset: 0, next_cursor: null });

/** A page of a list holding these items (and nothing after them). */
export const page = <T,>(items: T[]) => ({ items, total: items.length, limit: 200, offset: 0, next_cursor: null });

/** A JSON answer; from status 400 on it is a problem (application/problem+json). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(body), { status, headers: { "content-type": type, ...headers } });
}

/** The API's problem+json: the status, its field errors if any, and any other members. */
export function problem(status: number, errors?: { field: string; message: string }[], extra: Record<string, unknown> = {}): Response {
  return json({ status, title: "Problem", ...(errors ? { errors } : {}), ...extra }, status);
}

const emptyPages: Handler = () => json(emptyPage());
let handler: Handler = emptyPages;

/** Sets how the fake API answers for the rest of this test file (or until set again). */
export function answer(next: Handler): void {
  handler = next;
}

/** The `fetch` installed by tests/setup.ts: hands each request to the file's handler. */
export const dispatch = (async (input: RequestInfo | URL, init?: RequestInit) =>
  handler(input instanceof Request && !init ? input : new Request(input, init))) as typeof fetch;

/** Renders a page in a QueryClientProvider (queries not retried, unless a client is given)
 * and a MemoryRouter (at `route` when given); returns the render result and the client. */
export function renderPage(element: ReactNode, { route, client }: { route?: string; client?: QueryClient } = {}) {
  const qc = client ?? new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <QueryClientProvider client={qc}>
      <MemoryRouter initialEntries={route ? [route] : undefined}>{element}</MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, qc };
}
