import { render, screen } from "@testing-library/react";
import type { Schemas } from "../src/api/client";
import { ClientSummary } from "../src/pages/Clients";

const base: Schemas["ClientOut"] = {
  id: "0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b",
  first_name: "Sam",
  last_name: "Jones",
  date_of_birth: "1984-03-02",
  email: null,
  phone: null,
  address: null,
  address_suppressed: true,
  address_suppression_reason: null,
  ni_number: null,
  vulnerabilities: null,
  vulnerability_notes: null,
  health_notes: null,
  health_data_consent_at: null,
  created_at: "2026-11-02T09:15:00Z",
  updated_at: "2026-11-02T09:15:00Z",
  version: 1,
  withheld: ["address", "address_suppression_reason", "health_notes", "ni_number", "vulnerabilities", "vulnerability_notes", "health_data_consent_at"],
};

describe("ClientSummary", () => {
  it("says a withheld field is withheld instead of showing it blank", () => {
    render(<ClientSummary client={base} />);
    expect(screen.getAllByText("Withheld")).toHaveLength(7);
    expect(screen.getByText(/suppressed: do not disclose/)).toBeInTheDocument();
  });

  it("shows the detail to a reader allowed to see it", () => {
    render(
      <ClientSummary
        client={{ ...base, address_suppressed: false, withheld: [], health_notes: "Under GP care", vulnerabilities: ["mental_health"] }}
      />,
    );
    expect(screen.queryByText("Withheld")).toBeNull();
    expect(screen.getByText("Under GP care")).toBeInTheDocument();
    expect(screen.getByText("Mental health")).toBeInTheDocument();
  });
});
