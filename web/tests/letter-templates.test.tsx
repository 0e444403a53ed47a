// The centre's letter wording: a default is overridden with If-Match "0"; the API's refusal
// of a template names the box at fault and keeps what was typed; a saved template shows as
// the centre's own with its version, and the next save sends that version; going back to
// the shipped default sends the version read and shows the default's wording in the boxes;
// what is typed is previewed as a PDF without being saved.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { answer, json, renderPage } from "./harness";

const state = {
  puts: [] as { path: string; ifMatch: string | null; body: { subject: string; body: string } }[],
  deletes: [] as { path: string; ifMatch: string | null }[],
  previews: [] as { query: string; body: { subject: string; body: string } }[],
  saved: [] as string[],
};
const t = (kind: string, subject: string, isDefault: boolean, version: number) => ({ kind, subject, body: `<p>${kind}</p>`, is_default: isDefault, version });
let items = [t("advice_summary", "Your advice", true, 0), t("offer_of_payment", "Offer: {{ debt.account_reference }}", false, 3)];
answer(async (input) => {
  const url = new URL(input.url);
  if (input.method === "POST" && url.pathname.endsWith("/preview")) {
    const body = JSON.parse(await input.text());
    state.previews.push({ query: url.search, body });
    if (body.body.includes("{{ client.nme }}")) {
      return json({ type: "about:blank", title: "Invalid input", status: 422, errors: [{ field: "body", message: "unknown name in template: nme" }] }, 422);
    }
    return new Response(new Uint8Array([37, 80, 68, 70]), { headers: { "content-type": "application/pdf" } });
  }
  if (input.method === "DELETE") {
    state.deletes.push({ path: url.pathname, ifMatch: input.headers.get("If-Match") });
    const kind = url.pathname.split("/").pop() as string;
    const shipped = { kind, subject: "Shipped subject", body: "<p>Shipped wording</p>", is_default: true, version: 0 };
    items = items.map((i) => (i.kind === kind ? shipped : i));
    return json(shipped);
  }
  if (input.method === "PUT") {
    const body = JSON.parse(await input.text());
    state.puts.push({ path: url.pathname, ifMatch: input.headers.get("If-Match"), body });
    if (body.body.includes("{{ client.nme }}")) {
      return json(
        { type: "about:blank", title: "Invalid input", status: 422, detail: "body: unknown name in template", errors: [{ field: "body", message: "unknown name in template: 'dict object' has no attribute 'nme'" }] },
        422,
      );
    }
    const kind = url.pathname.split("/").pop() as string;
    const old = items.find((i) => i.kind === kind)!;
    const saved = { kind, subject: body.subject, body: body.body, is_default: false, version: old.is_default ? 1 : old.version + 1 };
    items = items.map((i) => (i.kind === kind ? saved : i));
    return json(saved);
  }
  return json({ items, total: items.length, limit: items.length, offset: 0 });
});

vi.mock("../src/auth/session", () => ({
  useMe: () => ({ me: { user_id: "u1", centre_id: "c", roles: [], permissions: [] }, can: () => true }),
}));

import { LetterTemplatesPage } from "../src/pages/admin/LetterTemplates";

test("a default is overridden with If-Match 0, a bad name is refused on the body, a saved one shows its version", async () => {
  URL.createObjectURL = () => "blob:x";
  URL.revokeObjectURL = () => undefined;
  const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    state.saved.push(this.download);
  });
  renderPage(<LetterTemplatesPage />);
  const advice = (await screen.findByRole("region", { name: "Advice summary" })) as HTMLElement;
  expect(within(advice).getByText("Shipped default")).toBeInTheDocument();
  expect(screen.getByRole("region", { name: "Offer of payment" })).toHaveTextContent("Centre's own, version 3");

  const body = within(advice).getByLabelText(/^Wording/) as HTMLTextAreaElement;
  fireEvent.change(body, { target: { value: "<p>Dear {{ client.nme }}</p>" } });
  fireEvent.click(within(advice).getByRole("button", { name: "Save the centre's wording" }));
  const summary = await screen.findByRole("alert");
  expect(within(summary).getByRole("link", { name: /unknown name in template/ })).toHaveAttribute("href", "#template-advice_summary-body");
  expect(body.value).toBe("<p>Dear {{ client.nme }}</p>");
  expect(state.puts[0]).toEqual({ path: "/api/v1/letter-templates/advice_summary", ifMatch: '"0"', body: { subject: "Your advice", body: "<p>Dear {{ client.nme }}</p>" } });

  // A preview of what is typed: refused on the body in the API's words, then saved as a PDF.
  fireEvent.click(within(advice).getByRole("button", { name: "Preview as PDF" }));
  await screen.findByRole("link", { name: /unknown name in template: nme/ });
  expect(body).toHaveAccessibleDescription(/unknown name in template: nme/);
  fireEvent.change(body, { target: { value: "<p>Dear {{ client.name }}</p>" } });
  fireEvent.click(within(advice).getByRole("button", { name: "Preview as PDF" }));
  await waitFor(() => expect(state.saved).toEqual(["advice_summary-preview.pdf"]));
  expect(state.previews[1]).toEqual({ query: "?format=pdf", body: { subject: "Your advice", body: "<p>Dear {{ client.name }}</p>" } });
  expect(state.puts).toHaveLength(1);

  fireEvent.click(within(advice).getByRole("button", { name: "Save the centre's wording" }));
  expect(await screen.findByText(/Saved the centre's own wording of “Advice summary” \(version 1\)/)).toBeInTheDocument();
  await waitFor(() => expect(within(advice).getByText("Centre's own, version 1")).toBeInTheDocument());
  expect(state.puts[1]?.ifMatch).toBe('"0"');

  fireEvent.click(within(advice).getByRole("button", { name: "Save the centre's wording" }));
  await waitFor(() => expect(state.puts).toHaveLength(3));
  expect(state.puts[2]?.ifMatch).toBe('"1"');
  await waitFor(() => expect(within(advice).getByText("Centre's own, version 2")).toBeInTheDocument());

  expect(within(screen.getByRole("region", { name: "Offer of payment" })).getAllByRole("button").map((b) => b.textContent)).toContain("Go back to the shipped default");
  fireEvent.click(within(advice).getByRole("button", { name: "Go back to the shipped default" }));
  // (asked first: the centre's wording is dropped for good)
  expect(state.deletes).toEqual([]);
  fireEvent.click(within(advice).getByRole("button", { name: "Keep the centre's wording" }));
  expect(within(advice).queryByRole("button", { name: "Yes, go back to the default" })).toBeNull();
  fireEvent.click(within(advice).getByRole("button", { name: "Go back to the shipped default" }));
  fireEvent.click(within(advice).getByRole("button", { name: "Yes, go back to the default" }));
  expect(await screen.findByText(/The “Advice summary” letter uses the shipped default again/)).toBeInTheDocument();
  expect(state.deletes).toEqual([{ path: "/api/v1/letter-templates/advice_summary", ifMatch: '"2"' }]);
  await waitFor(() => expect(within(advice).getByText("Shipped default")).toBeInTheDocument());
  expect(body.value).toBe("<p>Shipped wording</p>");
  expect(within(advice).queryByRole("button", { name: "Go back to the shipped default" })).toBeNull();
  click.mockRestore();
});
