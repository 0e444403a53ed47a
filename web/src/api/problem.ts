// RFC 9457 problems from the API, and the helper every query and mutation goes through.

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];

  constructor(status: number, body: unknown) {
    const p = (body ?? {}) as { title?: string; detail?: string; errors?: FieldProblem[] };
    super(p.detail ?? p.title ?? `request failed (${status})`);
    this.status = status;
    this.title = p.title ?? "Something went wrong";
    this.detail = p.detail;
    this.errors = Array.isArray(p.errors) ? p.errors : [];
  }

  /** The message for one field, when the API named it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;
  }
}

/** A problem found before asking the API (an amount that is not one): shown as the API's
 * are, in the error summary and next to the field. */
export function fieldProblem(field: string, message: string): ApiError {
  return new ApiError(400, { title: "Check the values", errors: [{ field, message }] });
}

/** An amount in pounds the adviser typed that is not one ("lots", "12,34x", "-5"). */
export const NOT_AN_AMOUNT = "must be an amount in pounds, like 75.00";

/** A failed request in words: the API's problem (its detail, else its title), else the
 * error itself. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) return error.detail ?? error.title;
  return error instanceof Error ? error.message : String(error);
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful answer, or an ApiError carrying the problem. */
export function unwrap<T>(result: FetchResult<T>): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(result.response.status, result.error);
  }
  return result.data as T;
}

/** The ETag of a versioned resource, as If-Match wants it. */
export function ifMatch(version: number): { "If-Match": string } {
  return { "If-Match": `"${version}"` };
}
