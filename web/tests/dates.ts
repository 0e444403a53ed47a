// Typing a date into the console's GOV.UK date input (day, month and year boxes).
import { fireEvent, screen, within } from "@testing-library/react";

/** Fill the date input whose legend is `legend` with an ISO date ("2026-12-04"). */
export function typeDate(legend: string, iso: string) {
  const group = screen.getByRole("group", { name: new RegExp(`^${legend.replace(/[()]/g, "\\$&")}`) });
  const [year, month, day] = iso.split("-");
  fireEvent.change(within(group).getByLabelText("Day"), { target: { value: String(Number(day)) } });
  fireEvent.change(within(group).getByLabelText("Month"), { target: { value: String(Number(month)) } });
  fireEvent.change(within(group).getByLabelText("Year"), { target: { value: year } });
}
