// The GOV.UK date input: what is sent for what is typed, pasted or set from outside, and
// what an adviser is told when the API refuses the date.
import { fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { ApiError } from "../src/api/problem";
import { DateInput, checkDates, dateProblem, joinDate, pastedDate, splitDate } from "../src/components/DateInput";

test("parts become the API's ISO date; nothing typed is no date; a half-made entry is sent as typed", () => {
  expect(joinDate({ day: "4", month: "12", year: "2026" })).toBe("2026-12-04");
  expect(joinDate({ day: " 04", month: "3 ", year: "2026" })).toBe("2026-03-04");
  expect(joinDate({ day: "", month: "", year: "" })).toBe("");
  // Never "" for an entry half made: the API refuses it and names the field.
  expect(joinDate({ day: "4", month: "", year: "2026" })).toBe("2026--4");
  expect(joinDate({ day: "4", month: "12", year: "26" })).toBe("26-12-4");
  expect(splitDate("2026-03-04")).toEqual({ day: "4", month: "3", year: "2026" });
  expect(splitDate("")).toEqual({ day: "", month: "", year: "" });
});

test("a date pasted whole is read in ISO or day-month-year order", () => {
  expect(pastedDate("2026-03-27")).toEqual({ day: "27", month: "3", year: "2026" });
  expect(pastedDate(" 27/03/2026 ")).toEqual({ day: "27", month: "3", year: "2026" });
  expect(pastedDate("27.3.2026")).toEqual({ day: "27", month: "3", year: "2026" });
  expect(pastedDate("27 3 2026")).toEqual({ day: "27", month: "3", year: "2026" });
  expect(pastedDate("27")).toBeNull();
  expect(pastedDate("March 2026")).toBeNull();
});

test("what is wrong with an entry is said in the pattern's words", () => {
  expect(dateProblem({ day: "", month: "", year: "" })).toBeUndefined();
  expect(dateProblem({ day: "29", month: "2", year: "2028" })).toBeUndefined(); // a leap year
  expect(dateProblem({ day: "4", month: "", year: "2026" })).toBe("must include a month");
  expect(dateProblem({ day: "", month: "", year: "2026" })).toBe("must include a day and a month");
  expect(dateProblem({ day: "29", month: "2", year: "2026" })).toBe("must be a real date");
  expect(dateProblem({ day: "4", month: "13", year: "2026" })).toBe("must be a real date");
  expect(dateProblem({ day: "4", month: "12", year: "26" })).toBe("must have a year of four figures, like 2026");
  expect(dateProblem({ day: "4th", month: "12", year: "2026" })).toBe("must be a real date, in numbers");
});

test("a form's dates are checked before it is sent: each one not a date is named by its field", () => {
  expect(() => checkDates({ occurred_on: "2026-12-04", hearing_on: "" })).not.toThrow();
  let refused: unknown;
  try {
    checkDates({ occurred_on: "2026--4", hearing_on: "2026-02-30", paid_on: "2026-12-01" });
  } catch (e) {
    refused = e;
  }
  expect(refused).toBeInstanceOf(ApiError);
  expect((refused as ApiError).errors).toEqual([
    { field: "occurred_on", message: "must include a month" },
    { field: "hearing_on", message: "must be a real date" },
  ]);
});

function Harness({ initial = "", error }: { initial?: string; error?: unknown }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateInput id="when" name="occurred_on" label="Date it happened" value={value} onChange={setValue} error={error} />
      <output data-testid="value">{value}</output>
      <button type="button" onClick={() => setValue("2027-01-20")}>
        Use the date read
      </button>
    </>
  );
}

test("three labelled boxes in a named group; typing and pasting set the ISO value", () => {
  render(<Harness initial="2026-12-04" />);
  const group = screen.getByRole("group", { name: "Date it happened" });
  expect(group).toHaveAccessibleDescription("For example, 27 3 2026");
  expect(within(group).getByLabelText("Day")).toHaveValue("4");
  expect(within(group).getByLabelText("Day")).toHaveAttribute("id", "when"); // the error summary's link
  expect(within(group).getByLabelText("Month")).toHaveValue("12");
  fireEvent.change(within(group).getByLabelText("Year"), { target: { value: "2025" } });
  expect(screen.getByTestId("value")).toHaveTextContent("2025-12-04");
  fireEvent.paste(within(group).getByLabelText("Day"), { clipboardData: { getData: () => "16/11/2026" } });
  expect(screen.getByTestId("value")).toHaveTextContent("2026-11-16");
  expect(within(group).getByLabelText("Month")).toHaveValue("11");
  // A value set from outside (a suggestion's reading) fills the boxes.
  fireEvent.click(screen.getByRole("button", { name: "Use the date read" }));
  expect(within(group).getByLabelText("Day")).toHaveValue("20");
  expect(within(group).getByLabelText("Year")).toHaveValue("2027");
});

test("a half-made entry is kept as typed, and the API's refusal is told in words", () => {
  const refused = new ApiError(400, { title: "Invalid input", errors: [{ field: "occurred_on", message: "must be a real date (YYYY-MM-DD)" }] });
  const { rerender } = render(<Harness />);
  const group = screen.getByRole("group", { name: "Date it happened" });
  fireEvent.change(within(group).getByLabelText("Day"), { target: { value: "4" } });
  fireEvent.change(within(group).getByLabelText("Year"), { target: { value: "2026" } });
  expect(screen.getByTestId("value")).toHaveTextContent("2026--4");
  rerender(<Harness error={refused} />);
  expect(within(group).getByLabelText("Day")).toHaveValue("4"); // nothing typed is lost
  expect(screen.getByText("must include a month")).toBeInTheDocument();
  expect(within(group).getByLabelText("Month")).toHaveClass("govuk-input--error");
  expect(group).toHaveAccessibleDescription(/For example, 27 3 2026.*must include a month/);
});

test("a refusal the boxes do not explain (a rule of the case) is the API's own words", () => {
  const refused = new ApiError(422, { title: "Invalid input", errors: [{ field: "occurred_on", message: "must not be in the future" }] });
  render(<Harness initial="2027-01-20" error={refused} />);
  expect(screen.getByText("must not be in the future")).toBeInTheDocument();
});
