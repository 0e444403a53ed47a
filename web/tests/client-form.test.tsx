// Registering a client from the Clients page, changing their details (only what changed,
// with If-Match), and opening a case for them from their page.
import { fireEvent, screen } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { typeDate } from "./dates";
import { answer, json, renderPage } from "./harness";

const calls = { sent: [] as { method: string; path: string; body: unknown; ifMatch: string | null }[] };
const client = {
  id: "cl9", first_name: "Ann", last_name: "Lee", date_of_birth: "1984-03-02", email: null,
  phone: "0113 496 0000", ni_number: null, address: { lines: ["1 High Street", "Leeds"], postcode: "LS1 4AP" },
  address_suppressed: false, address_suppression_reason: null, health_notes: null, vulnerabilities: [],
  vulnerability_notes: null, health_data_consent_at: null, version: 4, withheld: [],
};
answer(async (input) => {
  const url = new URL(input.url);
  if (input.method !== "GET") {
    const body = await input.json().catch(() => null);
    calls.sent.push({ method: input.method, path: url.pathname, body, ifMatch: input.headers.get("If-Match") });
    if (url.pathname === "/api/v1/clients" && (body as { date_of_birth: string }).date_of_birth === "") {
      return json({ status: 400, title: "Invalid input", errors: [{ field: "date_of_birth", message: "must be a date" }] }, 400);
    }
    if (url.pathname === "/api/v1/cases") return json({ id: "k7", reference: "C-000007" }, 201);
    return json({ ...client, ...(body as object), version: client.version + 1 }, input.method === "POST" ? 201 : 200);
  }
  if (url.pathname.startsWith("/api/v1/clients/")) return json(client);
  return json({ items: [], total: 0, limit: 20, offset: 0, next_cursor: null });
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "a", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { changes } from "../src/pages/ClientForm";
import { ClientPage, ClientsList } from "../src/pages/Clients";

function show(path: string) {
  renderPage(
    <Routes>
      <Route path="/clients" element={<ClientsList />} />
      <Route path="/clients/:clientId" element={<ClientPage />} />
      <Route path="/cases/:caseId" element={<p>case page</p>} />
    </Routes>,
    { route: path },
  );
}

beforeEach(() => {
  calls.sent.length = 0;
});

test("a registration shows the API's problem next to the field, then registers and opens the client", async () => {
  show("/clients");
  fireEvent.change(screen.getByLabelText("First name"), { target: { value: " Ann " } });
  fireEvent.change(screen.getByLabelText("Last name"), { target: { value: "Lee" } });
  fireEvent.click(screen.getByRole("button", { name: "Register client" }));
  expect(await screen.findByRole("link", { name: "Date of birth: must be a date" })).toHaveAttribute("href", "#client-dob");
  typeDate("Date of birth", "1984-03-02");
  fireEvent.change(screen.getByLabelText("Address (optional)"), { target: { value: "1 High Street\n\nLeeds " } });
  fireEvent.change(screen.getByLabelText("Postcode"), { target: { value: "LS1 4AP" } });
  fireEvent.click(screen.getByRole("button", { name: "Register client" }));
  expect(await screen.findByText("Ann Lee is registered. Open a case to start their advice.")).toBeInTheDocument();
  expect(calls.sent[1]).toEqual({
    method: "POST",
    path: "/api/v1/clients",
    ifMatch: null,
    body: {
      first_name: "Ann", last_name: "Lee", date_of_birth: "1984-03-02", email: null, phone: null, ni_number: null,
      address: { lines: ["1 High Street", "Leeds"], postcode: "LS1 4AP" },
    },
  });
});

test("a change sends only what changed, with the version read as If-Match", async () => {
  show("/clients/cl9");
  fireEvent.click(await screen.findByText("Change details"));
  fireEvent.change(screen.getByLabelText("Phone (optional)"), { target: { value: "" } });
  fireEvent.change(screen.getByLabelText("Email (optional)"), { target: { value: "ann@example.org" } });
  fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
  expect(await screen.findByText("The client's details are saved.")).toBeInTheDocument();
  expect(calls.sent).toEqual([
    { method: "PATCH", path: "/api/v1/clients/cl9", ifMatch: '"4"', body: { email: "ann@example.org", phone: null } },
  ]);
});

test("a new case is opened from the client's page and shown", async () => {
  show("/clients/cl9");
  fireEvent.click(await screen.findByRole("button", { name: "Open a new case" }));
  expect(await screen.findByText("case page")).toBeInTheDocument();
  expect(calls.sent).toEqual([{ method: "POST", path: "/api/v1/cases", ifMatch: null, body: { client_id: "cl9" } }]);
});

test("an unchanged form changes nothing; clearing the address sends null", () => {
  const before = {
    first_name: "Ann", last_name: "Lee", date_of_birth: "1984-03-02", email: "", phone: "", ni_number: "",
    address_lines: "1 High Street", postcode: "LS1 4AP",
  };
  expect(changes(before, { ...before })).toEqual({});
  expect(changes(before, { ...before, address_lines: "", postcode: "" })).toEqual({ address: null });
});
