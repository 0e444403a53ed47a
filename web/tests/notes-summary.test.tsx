// The assistant's case summary is drafted into the note box (not saved), said so in the
// box's hint and focused; what the adviser had typed is kept before it; adding the note
// sends the edited text.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { answer, emptyPage, json, renderPage } from "./harness";

const state = { posted: [] as { path: string; body: unknown }[] };
answer(async (input) => {
  const url = new URL(input.url);
  if (input.method === "POST") {
    const text = await input.text();
    state.posted.push({ path: url.pathname, body: text ? JSON.parse(text) : null });
    if (url.pathname.endsWith("/summary-draft")) {
      return json({
        case_id: "k1", status: "draft", text: "Case C-1: 2 debts (1 priority).", source: "rules",
        generated_at: "2026-12-06T10:00:00Z", save_with: "POST /api/v1/cases/k1/notes",
      });
    }
    return json({ id: "n1", case_id: "k1", body: "x", sensitive: false, created_at: "2026-12-06T10:00:00Z" });
  }
  return json(emptyPage());
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "u1", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { Notes } from "../src/pages/case/Notes";

test("a drafted summary goes into the note box after what was typed, and is added only as edited", async () => {
  renderPage(<Notes caseId="k1" />);
  const box = (await screen.findByLabelText(/^Add a note/)) as HTMLTextAreaElement;
  fireEvent.change(box, { target: { value: "Client called." } });
  fireEvent.click(screen.getByRole("button", { name: "Draft a case summary" }));
  await waitFor(() => expect(box.value).toBe("Client called.\n\nCase C-1: 2 debts (1 priority)."));
  expect(box).toHaveFocus();
  expect(box).toHaveAccessibleDescription(/drafted into the box .* \(rules\)\. Check and edit it .* not saved until you do/);
  expect(state.posted).toEqual([{ path: "/api/v1/cases/k1/summary-draft", body: null }]);
  fireEvent.change(box, { target: { value: "Client called. Two debts, one a priority." } });
  fireEvent.click(screen.getByRole("button", { name: "Add note" }));
  await waitFor(() => expect(state.posted).toHaveLength(2));
  expect(state.posted[1]).toEqual({
    path: "/api/v1/cases/k1/notes",
    body: { body: "Client called. Two debts, one a priority.", sensitive: false },
  });
  await waitFor(() => expect(box.value).toBe(""));
  expect(box).not.toHaveAccessibleDescription(/drafted/);
});
