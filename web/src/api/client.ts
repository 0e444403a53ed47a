// The API client: openapi-fetch over the generated types. The access token lives in this
// module's memory only (never in storage); the refresh token is an HttpOnly cookie the
// scripts cannot read, sent only to /api/v1/auth.
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];

let accessToken: string | null = null;

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

export function hasAccessToken(): boolean {
  return accessToken !== null;
}

/** Asks the person to confirm their password and stores the fresh access token; resolves
 * false if they cancel. Set by the console's prompt (auth/Reauthenticate.tsx). */
export type Reauthenticate = () => Promise<boolean>;
let reauthenticate: Reauthenticate | null = null;

export function onReauthenticationRequired(handler: Reauthenticate | null): void {
  reauthenticate = handler;
}

/** A copy of each change request while it is in flight, to send again after a step-up. */
const copies = new WeakMap<Request, Request>();

/** True for the API's 401 problem asking for a recent sign-in before a sensitive change. */
export async function needsReauthentication(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const type = (body as { type?: unknown } | null)?.type;
  return typeof type === "string" && type.endsWith("/reauthentication-required");
}

export const authMiddleware: Middleware = {
  onRequest({ request }) {
    if (accessToken) request.headers.set("Authorization", `Bearer ${accessToken}`);
    if (reauthenticate && request.method !== "GET") copies.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    const copy = copies.get(request);
    copies.delete(request);
    if (!copy || !reauthenticate || !(await needsReauthentication(response))) return response;
    if (!(await reauthenticate())) return response;
    if (accessToken) copy.headers.set("Authorization", `Bearer ${accessToken}`);
    return fetch(copy);
  },
};

export const api = createClient<paths>({ baseUrl: "" });
api.use(authMiddleware);

/** The header asking the session routes to keep the refresh token in the cookie. */
export const COOKIE_MODE = { "X-CMA-Refresh-Cookie": "1" } as const;
