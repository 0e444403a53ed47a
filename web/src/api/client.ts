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

const auth: Middleware = {
  onRequest({ request }) {
    if (accessToken) request.headers.set("Authorization", `Bearer ${accessToken}`);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: "" });
api.use(auth);

/** The header asking the session routes to keep the refresh token in the cookie. */
export const COOKIE_MODE = { "X-CMA-Refresh-Cookie": "1" } as const;
