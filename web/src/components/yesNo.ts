// A fact answered yes, no, or not yet known: a select's value ("" for not known) and the
// API's boolean or null, one to the other.

export type YesNo = "" | "yes" | "no";

/** The select's options, "not known" worded as the form asks ("Not known", "Not recorded"). */
export function yesNoOptions(unknown: string): ReadonlyArray<readonly [YesNo, string]> {
  return [
    ["", unknown],
    ["yes", "Yes"],
    ["no", "No"],
  ];
}

export function yesNo(b: boolean | null | undefined): YesNo {
  return b === true ? "yes" : b === false ? "no" : "";
}

export function fromYesNo(v: YesNo): boolean | null {
  return v === "yes" ? true : v === "no" ? false : null;
}
