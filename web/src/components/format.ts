const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

export function money(pence: number | null | undefined): string {
  return pence === null || pence === undefined ? "—" : gbp.format(pence / 100);
}

/** Pence as a form's box shows them to be edited ("1234.50"); empty when not known. */
export function penceInput(pence: number | null | undefined): string {
  return pence === null || pence === undefined ? "" : (pence / 100).toFixed(2);
}

/** Pounds typed by a person ("1,234.50") to integer pence; null when not a number. */
export function toPence(text: string): number | null {
  const clean = text.replace(/[£,\s]/g, "");
  if (!/^-?\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

export function date(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** Words the API's codes hold that advisers write in capitals (DRO, IVA, DMP, CCJ…). */
const ACRONYMS = new Set([
  "bnpl", "bs", "ccj", "dmp", "dro", "dwp", "hmrc", "hp", "iva", "mhcm", "n1", "ni", "pip", "sco",
  "sd1", "sfs", "tv", "uc", "vat",
]);

export function label(code: string | null | undefined): string {
  if (!code) return "—";
  const words = code.split(/[_-]/).map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w));
  const s = words.join(" ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A person's roles as the header and the account page say them: "centre admin, adviser"
 * (lower case, in a line of words; the staff pages' lists use ``label``). */
export function roleWords(roles: readonly string[]): string {
  return roles.map((r) => r.replace(/_/g, " ")).join(", ");
}

/** A kind's name with its article, as a sentence says it: "a payslip", "an overpayment". */
export function withArticle(name: string): string {
  return `${/^[aeiou]/i.test(name) ? "an" : "a"} ${name}`;
}

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
