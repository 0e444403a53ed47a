import { useEffect, useRef, type ReactNode } from "react";
import { ApiError, problemText } from "../api/problem";

/** Field ids of a form, by the API's field name: the error summary links to them. */
export type FieldIds = Record<string, string>;

/** The GOV.UK error summary: focused when it appears; each API field error links to its
 * input. Errors the API did not tie to a field are shown as the summary's description. */
export function ErrorSummary({ error, fields = {}, labels = {} }: { error: unknown; fields?: FieldIds; labels?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const problem = error instanceof ApiError ? error : null;
  const items = problem?.errors ?? [];
  const message = problemText(error);
  // The API's detail of a refused form often restates its field errors ("the request is not
  // valid: on_date: must be a date"): the list says it once, linked to the fields.
  const restated = items.length > 0 && items.every((e) => problem?.detail?.includes(e.message));
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          {(items.length === 0 || (problem?.detail && !restated)) && <p className="govuk-body">{message}</p>}
          {items.length > 0 && (
            <ul className="govuk-list govuk-error-summary__list">
              {items.map((e) => {
                const id = fields[e.field] ?? fields[e.field.split(".").pop() ?? ""];
                const text = `${labels[e.field] ?? e.field.replace(/_/g, " ")} ${e.message}`;
                return (
                  <li key={`${e.field}:${e.message}`}>
                    {id ? <a href={`#${id}`}>{text}</a> : text}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

function fieldError(error: unknown, name: string | undefined): string | undefined {
  return name && error instanceof ApiError ? error.fieldMessage(name) : undefined;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The API's name of the field, to show its problem next to it. */
  name?: string;
  error?: unknown;
  children: (props: { invalid: boolean; describedBy: string | undefined }) => ReactNode;
}

export function Field({ id, label, hint, name, error, children }: FieldProps) {
  const message = fieldError(error, name);
  const describedBy = [hint ? `${id}-hint` : "", message ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${message ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {message && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {message}
        </p>
      )}
      {children({ invalid: Boolean(message), describedBy })}
    </div>
  );
}

interface InputProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  name?: string;
  error?: unknown;
  hint?: ReactNode;
  type?: string;
  width?: string;
  autoComplete?: string;
  prefix?: string;
  inputMode?: "text" | "numeric" | "decimal" | "email";
  required?: boolean;
}

export function TextInput(p: InputProps) {
  return (
    <Field id={p.id} label={p.label} hint={p.hint} name={p.name} error={p.error}>
      {({ invalid, describedBy }) => {
        const input = (
          <input
            id={p.id}
            name={p.name ?? p.id}
            className={`govuk-input${p.width ? ` govuk-input--width-${p.width}` : ""}${invalid ? " govuk-input--error" : ""}`}
            type={p.type ?? "text"}
            value={p.value}
            onChange={(e) => p.onChange(e.target.value)}
            aria-describedby={describedBy}
            autoComplete={p.autoComplete}
            inputMode={p.inputMode}
            required={p.required}
            spellCheck={false}
          />
        );
        return p.prefix ? (
          <div className="govuk-input__wrapper">
            <div className="govuk-input__prefix" aria-hidden="true">
              {p.prefix}
            </div>
            {input}
          </div>
        ) : (
          input
        );
      }}
    </Field>
  );
}

interface SelectProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<readonly [string, string]>;
  name?: string;
  error?: unknown;
  hint?: ReactNode;
}

export function Select(p: SelectProps) {
  return (
    <Field id={p.id} label={p.label} hint={p.hint} name={p.name} error={p.error}>
      {({ invalid, describedBy }) => (
        <select
          id={p.id}
          name={p.name ?? p.id}
          className={`govuk-select${invalid ? " govuk-select--error" : ""}`}
          value={p.value}
          onChange={(e) => p.onChange(e.target.value)}
          aria-describedby={describedBy}
        >
          {p.options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface TextAreaProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  name?: string;
  error?: unknown;
  hint?: ReactNode;
  rows?: number;
}

export function TextArea(p: TextAreaProps) {
  return (
    <Field id={p.id} label={p.label} hint={p.hint} name={p.name} error={p.error}>
      {({ invalid, describedBy }) => (
        <textarea
          id={p.id}
          name={p.name ?? p.id}
          className={`govuk-textarea${invalid ? " govuk-textarea--error" : ""}`}
          rows={p.rows ?? 4}
          value={p.value}
          onChange={(e) => p.onChange(e.target.value)}
          aria-describedby={describedBy}
        />
      )}
    </Field>
  );
}

export function Checkbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="govuk-checkboxes govuk-checkboxes--small govuk-form-group">
      <div className="govuk-checkboxes__item">
        <input
          className="govuk-checkboxes__input"
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

export function Button({
  children,
  secondary,
  warning,
  busy,
  type = "submit",
  onClick,
}: {
  children: ReactNode;
  secondary?: boolean;
  warning?: boolean;
  busy?: boolean;
  type?: "submit" | "button";
  onClick?: () => void;
}) {
  const cls = `govuk-button${secondary ? " govuk-button--secondary" : ""}${warning ? " govuk-button--warning" : ""}`;
  return (
    <button type={type} className={cls} disabled={busy} aria-disabled={busy} onClick={onClick}>
      {children}
    </button>
  );
}
