import "@testing-library/jest-dom/vitest";

// openapi-fetch builds requests on "" (same origin), and takes `Request` when the client is
// made (at import): give relative URLs a base, as a browser would, before any test file loads.
const Real = globalThis.Request;
class Relative extends Real {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === "string" ? new URL(input, "http://localhost") : input, init);
  }
}
globalThis.Request = Relative as typeof Request;

// Every request goes to the fake API the test file sets with `answer` (tests/harness.tsx);
// installed here, before src/api/client.ts is imported and openapi-fetch takes `fetch`.
import { dispatch } from "./harness";
globalThis.fetch = dispatch;

// findBy… and waitFor give up after 1 s by default: on a loaded 2-core machine (the suite
// beside benchmark runs) a page's first fetch and render took longer (two tests failed at
// 1.2 s and 2.1 s, and pass alone). A wait that never ends still fails, at 5 s.
import { configure } from "@testing-library/react";
configure({ asyncUtilTimeout: 5000 });

// Every test starts in a browser that was signed in before, so the console resumes its
// session from the refresh cookie at start as it always did (src/auth/session.tsx,
// SIGNED_IN_KEY; named here, not imported: importing the session would make the API client
// before `fetch` is installed above). A test of a first visit removes it.
import { beforeEach } from "vitest";
beforeEach(() => localStorage.setItem("cma.signed-in", "1"));
