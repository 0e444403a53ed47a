import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { TypedConfirmation, confirms } from "../src/components/TypedConfirmation";
import { staffLookup } from "../src/hooks/useStaff";
import { creditorBody } from "../src/pages/admin/Creditors";
import { policyBody } from "../src/pages/admin/Policy";
import { profileBody } from "../src/pages/admin/Profile";
import { ApiError } from "../src/api/problem";
import { RolesField, expiryInstant, grantable } from "../src/pages/admin/Users";

describe("admin forms", () => {
  it("offers only grantable permissions the admin holds", () => {
    expect(grantable(["user:manage", "sensitive:read", "case:read", "centre:manage"])).toEqual(["case:read", "sensitive:read"]);
  });

  it("turns an expiry date into the end of that day, leaves other text for the API to name", () => {
    expect(expiryInstant("")).toBeNull();
    expect(expiryInstant("2027-03-31")).toBe("2027-03-31T23:59:59Z");
    expect(expiryInstant("next week")).toBe("next week");
  });

  it("sends empty policy values as left out and numbers as numbers", () => {
    expect(policyBody({ written_advice_working_days: "5", file_review_quota: "", retention_years: "six" })).toEqual({
      written_advice_working_days: 5,
      retention_years: "six",
    });
  });

  it("sends empty creditor and profile fields as not recorded", () => {
    expect(creditorBody({ name: " Lowell ", address: "", phone: " ", email: "a@b.example", reference_pattern: "" })).toEqual({
      name: "Lowell",
      address: null,
      phone: null,
      email: "a@b.example",
      reference_pattern: null,
    });
    expect(
      profileBody({ name: "Northside", address: "1 High St", phone: "", email: "", charity_number: "", fca_number: "123456", jurisdiction: "SCO" }),
    ).toEqual({ name: "Northside", address: "1 High St", phone: null, email: null, charity_number: null, fca_number: "123456", jurisdiction: "SCO" });
  });

  it("names staff by id and says when an id is unknown", () => {
    const staff = staffLookup([{ id: "u1", display_name: "Adviser One", roles: ["adviser"], active: true, version: 1 }]);
    expect(staff.name("u1")).toBe("Adviser One");
    expect(staff.name("abcdef0123")).toBe("Unknown (abcdef01)");
    expect(staff.name(null)).toBe("—");
  });
});

describe("TypedConfirmation", () => {
  it("matches the same words whatever the case and spacing, never an empty name", () => {
    expect(confirms("  amira   KHAN ", "Amira Khan")).toBe(true);
    expect(confirms("Amira", "Amira Khan")).toBe(false);
    expect(confirms("", "")).toBe(false);
  });

  function Harness({ onConfirm }: { onConfirm: () => void }) {
    const [typed, setTyped] = useState("");
    return <TypedConfirmation expected="Amira Khan" what="the client's full name" typed={typed} onTyped={setTyped} action="Erase client" onConfirm={onConfirm} />;
  }

  it("keeps the action unusable until the name is typed", () => {
    let confirmed = 0;
    render(<Harness onConfirm={() => (confirmed += 1)} />);
    const button = screen.getByRole("button", { name: "Erase client" });
    expect(button).toBeDisabled();
    fireEvent.click(button);
    expect(confirmed).toBe(0);
    fireEvent.change(screen.getByLabelText(/To confirm, type the client's full name/), { target: { value: "amira khan" } });
    expect(screen.getByText("Matches.")).toBeInTheDocument();
    expect(button).toBeEnabled();
    fireEvent.click(button);
    expect(confirmed).toBe(1);
  });
});

describe("RolesField", () => {
  function Harness({ error }: { error: unknown }) {
    const [roles, setRoles] = useState<string[]>(["adviser"]);
    return (
      <>
        <RolesField id="r" legend="Roles in this centre" roles={roles} onChange={setRoles} error={error} />
        <output>{roles.join(",")}</output>
      </>
    );
  }

  it("ticks and unticks roles by their labels, the first box carrying the field's id", () => {
    const { container } = render(<Harness error={null} />);
    const group = screen.getByRole("group", { name: "Roles in this centre" });
    expect(group).toBeInTheDocument();
    expect(container.querySelector("#r")).not.toBeNull();
    const boxes = screen.getAllByRole("checkbox");
    expect(boxes).toHaveLength(5);
    const out = () => container.querySelector("output")?.textContent;
    fireEvent.click(screen.getByLabelText("Supervisor"));
    expect(out()).toBe("adviser,supervisor");
    fireEvent.click(screen.getByLabelText("Adviser"));
    expect(out()).toBe("supervisor");
  });

  it("shows the API's problem about roles on the fieldset", () => {
    const error = new ApiError(422, { title: "Invalid", errors: [{ field: "roles", message: "give at least one role" }] });
    render(<Harness error={error} />);
    expect(screen.getByText("give at least one role")).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Roles in this centre" })).toHaveAttribute("aria-describedby", "r-error");
  });
});
