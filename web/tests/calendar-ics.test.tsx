// One adviser's appointments are saved as an iCalendar file, fetched behind the bearer
// token (a link would not carry it), named for whose they are; "everyone" offers none.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { answer, emptyPage, json, renderPage } from "./harness";

const state = { asked: [] as string[], saved: [] as string[] };
answer(async (input) => {
  const url = new URL(input.url);
  if (url.pathname.endsWith("/calendar.ics")) {
    state.asked.push(url.pathname);
    return new Response("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", { headers: { "content-type": "text/calendar; charset=utf-8" } });
  }
  if (url.pathname === "/api/v1/users") {
    return json({ items: [{ id: "u2", display_name: "Sam Patel", roles: ["adviser"], active: true, version: 1 }], total: 1, limit: 200, offset: 0 });
  }
  if (url.pathname === "/api/v1/calendar/closures") return json([]);
  return json(emptyPage());
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "u1", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import Calendar from "../src/pages/calendar/Calendar";

test("the chosen adviser's appointments are saved as a calendar file; everyone's offers none", async () => {
  URL.createObjectURL = () => "blob:x";
  URL.revokeObjectURL = () => undefined;
  const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    state.saved.push(this.download);
  });
  renderPage(<Calendar />);
  await screen.findByRole("heading", { name: "Appointments calendar" });
  expect(screen.queryByRole("button", { name: /calendar file/ })).toBeNull();
  fireEvent.change(screen.getByLabelText("Whose"), { target: { value: "me" } });
  fireEvent.click(await screen.findByRole("button", { name: "Download my appointments as a calendar file (.ics)" }));
  await waitFor(() => expect(state.saved).toEqual(["appointments-mine.ics"]));
  await screen.findByRole("option", { name: "Sam Patel" });
  fireEvent.change(screen.getByLabelText("Whose"), { target: { value: "u2" } });
  fireEvent.click(await screen.findByRole("button", { name: "Download Sam Patel's appointments as a calendar file (.ics)" }));
  await waitFor(() => expect(state.saved).toEqual(["appointments-mine.ics", "appointments-sam-patel.ics"]));
  expect(state.asked).toEqual(["/api/v1/advisers/u1/calendar.ics", "/api/v1/advisers/u2/calendar.ics"]);
  click.mockRestore();
});
