// A generated letter is marked as sent once it is posted or emailed (If-Match with the
// version read); a letter already sent says when and offers nothing more.
import { fireEvent, screen } from "@testing-library/react";
import { answer, emptyPage, json, renderPage } from "./harness";

const state = { sent: [] as { path: string; ifMatch: string | null }[] };
const letter = (id: string, subject: string, sentAt: string | null, version: number) => ({
  id, case_id: "k1", kind: "advice_summary", subject, html: "<p>x</p>", debt_id: null, template_version: null,
  created_at: "2026-12-01T10:00:00Z", sent_at: sentAt, version,
});
const letters = [letter("l1", "Your advice summary", null, 4), letter("l2", "Offer of payment", "2026-12-02T09:00:00Z", 2)];
answer((input) => {
  const url = new URL(input.url);
  if (input.method === "POST") {
    state.sent.push({ path: url.pathname, ifMatch: input.headers.get("If-Match") });
    return json({ ...letters[0], sent_at: "2026-12-06T10:00:00Z", version: 5 });
  }
  if (url.pathname.endsWith("/letters")) return json({ items: letters, total: 2, limit: 200, offset: 0, next_cursor: null });
  return json(emptyPage());
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "u1", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { Letters } from "../src/pages/case/Letters";

test("an unsent letter is marked as sent with the version read; a sent one offers nothing", async () => {
  renderPage(<Letters caseId="k1" />);
  const buttons = await screen.findAllByRole("button", { name: /^Mark as sent/ });
  expect(buttons).toHaveLength(1);
  expect(buttons[0]).toHaveAccessibleName("Mark as sent: Your advice summary");
  fireEvent.click(buttons[0] as HTMLElement);
  expect(await screen.findByText('Recorded: "Your advice summary" was sent.')).toBeInTheDocument();
  expect(state.sent).toEqual([{ path: "/api/v1/cases/k1/letters/l1/sent", ifMatch: '"4"' }]);
});
