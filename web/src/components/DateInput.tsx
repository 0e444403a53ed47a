import { useEffect, useState, type ClipboardEvent, type ReactNode } from "react";
import { ApiError } from "../api/problem";

/** The day, month and year an adviser typed, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const EMPTY: DateParts = { day: "", month: "", year: "" };
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// What an adviser pastes: "2026-03-27", "27/3/2026", "27.03.2026", "27 3 2026".
const DMY = /^(\d{1,2})[/.\s-]+(\d{1,2})[/.\s-]+(\d{4})$/;

/** An ISO date ("2026-03-27") as its parts ("27", "3", "2026"); anything else, empty. */
export function splitDate(iso: string): DateParts {
  const m = ISO.exec(iso.trim());
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] ?? "" } : EMPTY;
}

/** A pasted date in ISO or day-month-year order as parts, else null. */
export function pastedDate(text: string): DateParts | null {
  const t = text.trim();
  if (ISO.test(t)) return splitDate(t);
  const dmy = DMY.exec(t);
  return dmy ? { day: String(Number(dmy[1])), month: String(Number(dmy[2])), year: dmy[3] ?? "" } : null;
}

/** The parts as the API's ISO date: "" when nothing was typed; when something is missing
 * or is not a number, the parts as typed, which the API refuses and names the field of —
 * so an entry half made is never sent as "no date". */
export function joinDate({ day, month, year }: DateParts): string {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !m && !y) return "";
  if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y)) {
    return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  }
  return `${y}-${m}-${d}`;
}

/** What is wrong with the parts, in the GOV.UK pattern's words ("must include a month",
 * "must be a real date"), or undefined when they make a date or are all empty. */
export function dateProblem({ day, month, year }: DateParts): string | undefined {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !m && !y) return undefined;
  const missing = [!d && "day", !m && "month", !y && "year"].filter(Boolean) as string[];
  if (missing.length) return `must include a ${missing.join(" and a ")}`;
  if (!/^\d+$/.test(d) || !/^\d+$/.test(m) || !/^\d+$/.test(y)) return "must be a real date, in numbers";
  if (y.length !== 4) return "must have a year of four figures, like 2026";
  const [dn, mn, yn] = [Number(d), Number(m), Number(y)];
  const at = new Date(Date.UTC(yn, mn - 1, dn));
  if (mn < 1 || mn > 12 || at.getUTCDate() !== dn || at.getUTCMonth() !== mn - 1) return "must be a real date";
  return undefined;
}

interface DateInputProps {
  /** The id of the day box (the error summary links to it); the month and year boxes are
   * `${id}-month` and `${id}-year`. */
  id: string;
  label: ReactNode;
  /** An ISO date, or "" for none. */
  value: string;
  onChange: (value: string) => void;
  /** The API's name of the field, to show its problem next to it. */
  name?: string;
  error?: unknown;
  hint?: ReactNode;
  /** autocomplete tokens for a date of birth (bday-day, bday-month, bday-year). */
  birthday?: boolean;
}

/** The GOV.UK date input: day, month and year boxes in a fieldset. Its value is an ISO
 * date; a date pasted whole into any box ("2026-03-27", "27/03/2026") fills all three. */
export function DateInput(p: DateInputProps) {
  const [parts, setParts] = useState<DateParts>(() => splitDate(p.value));
  useEffect(() => {
    // A value set from outside (a suggestion prefilled, a form reset) replaces the parts.
    // (Only on a new value: the parts are read, not depended on.)
    if (p.value !== joinDate(parts)) setParts(splitDate(p.value));
  }, [p.value]);

  const apiMessage = p.name && p.error instanceof ApiError ? p.error.fieldMessage(p.name) : undefined;
  // The API names the field; the parts say what is wrong with it in words an adviser knows.
  const message = apiMessage ? (dateProblem(parts) ?? apiMessage) : undefined;
  const hintId = `${p.id}-hint`;
  const errorId = `${p.id}-error`;
  const describedBy = [hintId, message ? errorId : ""].filter(Boolean).join(" ");
  const tokens = p.birthday ? { day: "bday-day", month: "bday-month", year: "bday-year" } : undefined;

  const update = (next: DateParts) => {
    setParts(next);
    p.onChange(joinDate(next));
  };
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const whole = pastedDate(e.clipboardData.getData("text"));
    if (whole) {
      e.preventDefault();
      update(whole);
    }
  };
  const box = (key: keyof DateParts, text: string, width: number) => {
    const boxId = key === "day" ? p.id : `${p.id}-${key}`;
    return (
      <div className="govuk-date-input__item">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-date-input__label" htmlFor={boxId}>
            {text}
          </label>
          <input
            id={boxId}
            name={`${p.name ?? p.id}-${key}`}
            className={`govuk-input govuk-date-input__input govuk-input--width-${width}${message ? " govuk-input--error" : ""}`}
            type="text"
            inputMode="numeric"
            autoComplete={tokens?.[key] ?? "off"}
            spellCheck={false}
            value={parts[key]}
            onChange={(e) => update({ ...parts, [key]: e.target.value })}
            onPaste={onPaste}
          />
        </div>
      </div>
    );
  };

  return (
    <div className={`govuk-form-group${message ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend">{p.label}</legend>
        <div id={hintId} className="govuk-hint">
          {p.hint ? <>{p.hint} </> : null}For example, 27 3 2026
        </div>
        {message && (
          <p id={errorId} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {message}
          </p>
        )}
        <div className="govuk-date-input" id={`${p.id}-date`}>
          {box("day", "Day", 2)}
          {box("month", "Month", 2)}
          {box("year", "Year", 4)}
        </div>
      </fieldset>
    </div>
  );
}

/** Refuse, before asking the API, the dates of a form that are not dates: each one's
 * problem in the pattern's words, by its API field name, shown in the error summary and
 * next to its boxes. Empty values (no date given) pass; the API says if one is needed. */
export function checkDates(values: Record<string, string>): void {
  const errors = Object.entries(values).flatMap(([field, value]) => {
    if (value === "") return [];
    const [y = "", m = "", d = ""] = value.split("-");
    // Parts that make a date but not an ISO one ("2026-3-4-1") are no date either.
    const problem = dateProblem({ day: d, month: m, year: y }) ?? (ISO.test(value) ? undefined : "must be a real date");
    return problem ? [{ field, message: problem }] : [];
  });
  if (errors.length) throw new ApiError(400, { title: "Check the dates", errors });
}
