// Choosing a client by typing part of a name: the API's name search is asked once typing
// pauses, the choice survives a narrower search, and a search without letters is not sent.
import { QueryClient } from "@tanstack/react-query";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { answer, json, renderPage } from "./harness";

const asked = { urls: [] as string[] };
const people = [
  { id: "c1", first_name: "Amira", last_name: "Khan" },
  { id: "c2", first_name: "Ben", last_name: "Okafor" },
  { id: "c3", first_name: "Carys", last_name: "Khanna" },
];
answer((input) => {
  const url = new URL(input.url);
  asked.urls.push(url.pathname + url.search);
  const name = (url.searchParams.get("name") ?? "").toLowerCase();
  const items = people.filter((p) => !name || `${p.first_name} ${p.last_name}`.toLowerCase().includes(name));
  return json({ items, total: items.length, limit: 20, offset: 0 });
});

import { ClientPicker, clientName } from "../src/components/ClientPicker";

function Harness({ onPick }: { onPick: (id: string, shown: string) => void }) {
  const [value, setValue] = useState("");
  return (
    <ClientPicker
      id="picker"
      value={value}
      onChange={(id, shown) => {
        setValue(id);
        onPick(id, shown);
      }}
    />
  );
}

describe("ClientPicker", () => {
  beforeEach(() => {
    asked.urls.length = 0;
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => vi.useRealTimers());

  it("offers the newest clients, then those matching what was typed, and keeps the choice", async () => {
    const picked: Array<[string, string]> = [];
    renderPage(<Harness onPick={(id, shown) => picked.push([id, shown])} />, { client: new QueryClient() });
    await screen.findByText(/The newest 3 of 3 clients/);
    expect(asked.urls).toEqual(["/api/v1/clients?limit=20"]);
    const search = screen.getByLabelText(/Find the client by name/);
    fireEvent.change(search, { target: { value: "k" } });
    fireEvent.change(search, { target: { value: "kha" } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    await screen.findByText(/2 clients match “kha”/);
    // One request for the pause, none for each key pressed before it.
    expect(asked.urls).toEqual(["/api/v1/clients?limit=20", "/api/v1/clients?name=kha&limit=20"]);
    fireEvent.change(screen.getByLabelText("Client"), { target: { value: "c3" } });
    expect(picked).toEqual([["c3", "Carys Khanna"]]);
    // A narrower search that leaves the chosen client out keeps it offered and chosen.
    fireEvent.change(search, { target: { value: "amira" } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    await screen.findByText(/1 client matches “amira”/);
    const select = screen.getByLabelText("Client") as HTMLSelectElement;
    expect(select.value).toBe("c3");
    expect([...select.options].map((o) => o.text)).toEqual(["Choose a client", "Carys Khanna", "Amira Khan"]);
  });

  it("does not send a search without letters", async () => {
    renderPage(<Harness onPick={() => undefined} />, { client: new QueryClient() });
    await screen.findByText(/The newest 3 of 3 clients/);
    fireEvent.change(screen.getByLabelText(/Find the client by name/), { target: { value: " 12 " } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    await waitFor(() => expect(asked.urls.every((u) => !u.includes("name="))).toBe(true));
  });

  it("names a client from either name part", () => {
    expect(clientName({ first_name: "Amira", last_name: "Khan" })).toBe("Amira Khan");
    expect(clientName({ first_name: null, last_name: null })).toBe("A client");
  });
});
