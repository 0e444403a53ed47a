import { render, screen } from "@testing-library/react";
import { ApiError, unwrap } from "../src/api/problem";
import { ErrorSummary, TextInput } from "../src/components/forms";
import { money, toPence } from "../src/components/format";

const problem = new ApiError(422, {
  title: "Invalid input",
  status: 422,
  detail: "balance_pence must be a whole number of pence",
  errors: [{ field: "balance_pence", message: "must be an integer" }],
});

describe("ErrorSummary", () => {
  it("links each field the API named to its input and takes focus", () => {
    render(<ErrorSummary error={problem} fields={{ balance_pence: "debt-balance" }} />);
    const link = screen.getByRole("link", { name: /balance pence must be an integer/ });
    expect(link).toHaveAttribute("href", "#debt-balance");
    expect(screen.getByRole("heading", { name: "There is a problem" })).toBeInTheDocument();
    expect(document.activeElement).toHaveClass("govuk-error-summary");
  });

  it("renders nothing without an error", () => {
    const { container } = render(<ErrorSummary error={null} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("shows a problem with no field as its detail", () => {
    render(<ErrorSummary error={new ApiError(409, { title: "Conflict", detail: "the case changed meanwhile" })} />);
    expect(screen.getByText("the case changed meanwhile")).toBeInTheDocument();
  });
});

describe("ErrorSummary, the API's detail", () => {
  it("is left out when it only restates the field errors listed, and kept when it says more", () => {
    const restated = new ApiError(400, {
      title: "Bad request",
      detail: "the request is not valid: on_date: must be a date (YYYY-MM-DD)",
      errors: [{ field: "on_date", message: "must be a date (YYYY-MM-DD)" }],
    });
    const { unmount } = render(<ErrorSummary error={restated} fields={{ on_date: "when" }} />);
    expect(screen.getAllByText(/must be a date/)).toHaveLength(1);
    expect(screen.getByRole("link", { name: "on date must be a date (YYYY-MM-DD)" })).toHaveAttribute("href", "#when");
    unmount();
    render(<ErrorSummary error={problem} fields={{ balance_pence: "debt-balance" }} />);
    expect(screen.getByText("balance_pence must be a whole number of pence")).toBeInTheDocument();
  });
});

describe("TextInput", () => {
  it("puts the API's message next to the field and marks it invalid", () => {
    render(<TextInput id="debt-balance" name="balance_pence" label="Balance" value="abc" onChange={() => undefined} error={problem} />);
    const input = screen.getByLabelText("Balance");
    expect(input).toHaveClass("govuk-input--error");
    expect(input).toHaveAttribute("aria-describedby", "debt-balance-error");
    expect(screen.getByText(/must be an integer/)).toHaveAttribute("id", "debt-balance-error");
  });

  it("shows no message for another field's problem", () => {
    render(<TextInput id="ref" name="account_reference" label="Reference" value="" onChange={() => undefined} error={problem} />);
    expect(screen.getByLabelText("Reference")).not.toHaveClass("govuk-input--error");
  });
});

describe("money", () => {
  it("turns typed pounds into integer pence and back", () => {
    expect(toPence("1,234.56")).toBe(123456);
    expect(toPence("£12")).toBe(1200);
    expect(toPence("12.345")).toBeNull();
    expect(toPence("abc")).toBeNull();
    expect(money(123456)).toBe("£1,234.56");
    expect(money(null)).toBe("—");
  });
});

describe("unwrap", () => {
  it("returns data on success and throws the problem otherwise", () => {
    expect(unwrap({ data: { a: 1 }, response: new Response(null, { status: 200 }) })).toEqual({ a: 1 });
    expect(() => unwrap({ error: { title: "Not found", detail: "no such case" }, response: new Response(null, { status: 404 }) })).toThrow(
      "no such case",
    );
  });
});
