// The client's consent to appointment reminders, per channel: "not asked" until recorded
// (no reminder is sent before), then saved with the version read ("0" the first time).
import { fireEvent, screen } from "@testing-library/react";
import { consentText, ReminderConsent } from "../src/pages/ReminderConsent";
import { answer, json, renderPage } from "./harness";

const state = { sent: [] as { body: unknown; ifMatch: string | null }[] };
answer(async (input) => {
  if (input.method === "PUT") {
    const body = (await input.json()) as { sms: boolean; email: boolean };
    state.sent.push({ body, ifMatch: input.headers.get("If-Match") });
    return json({ client_id: "cl1", ...body, recorded_at: "2026-12-06T10:00:00Z", version: 1 });
  }
  return json({ client_id: "cl1", sms: null, email: null, recorded_at: "2026-12-06T09:00:00Z", version: 0 });
});

test("consent in words", () => {
  expect(consentText({ sms: null, email: null })).toBe("None (not asked yet)");
  expect(consentText({ sms: false, email: false })).toBe("None (the client said no)");
  expect(consentText({ sms: true, email: false })).toBe("Text messages only");
  expect(consentText({ sms: null, email: true })).toBe("Email only");
  expect(consentText({ sms: true, email: true })).toBe("Text messages and email");
});

test("not asked yet, then text messages recorded with If-Match 0", async () => {
  renderPage(<ReminderConsent clientId="cl1" writable />);
  expect(await screen.findByText("None (not asked yet)")).toBeInTheDocument();
  fireEvent.click(screen.getByText("Change what the client agreed to"));
  fireEvent.click(screen.getByLabelText("Text message"));
  fireEvent.click(screen.getByRole("button", { name: "Save what the client agreed to" }));
  expect(await screen.findByText("What the client agreed to is saved.")).toBeInTheDocument();
  expect(screen.getByText(/Text messages only/)).toBeInTheDocument();
  expect(state.sent).toEqual([{ body: { sms: true, email: false }, ifMatch: '"0"' }]);
});
