import type { UseQueryResult } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { ApiError, problemText } from "../api/problem";

export function QueryState<T>({
  query,
  children,
  what,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <p className="govuk-body" role="status">
        Loading {what}…
      </p>
    );
  }
  if (query.isError) {
    const e = query.error;
    if (e instanceof ApiError && e.status === 403) {
      return <p className="govuk-body">Your role does not allow you to see {what}.</p>;
    }
    return (
      <WarningText>
        Could not load {what}: {problemText(e)}
      </WarningText>
    );
  }
  return <>{children(query.data)}</>;
}

/** GOV.UK warning text: the "!" icon, and the words read as a warning by screen readers. */
export function WarningText({ children, className = "", role }: { children: ReactNode; className?: string; role?: "status" }) {
  return (
    <div className={`govuk-warning-text ${className}`.trim()} role={role}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning: </span>
        {children}
      </strong>
    </div>
  );
}

const TAG_COLOURS: Record<string, string> = {
  open: "blue",
  closed: "grey",
  done: "green",
  met: "green",
  queued: "grey",
  processing: "light-blue",
  failed: "red",
  pending: "yellow",
  accepted: "green",
  rejected: "grey",
  critical: "red",
  high: "orange",
  medium: "yellow",
  eligible: "green",
  not_eligible: "grey",
  adviser_judgement: "yellow",
  missed: "red",
  overdue: "red",
  booked: "blue",
  cancelled: "grey",
  withdrawn: "grey",
  hard_to_read: "yellow",
  unsure_choice: "yellow",
  to_check: "yellow",
};

// A status's words where its code, underscores read as spaces, would read wrongly.
const TAG_WORDS: Record<string, string> = { adviser_judgement: "adviser's judgement" };

/** A status code in the words a tag shows for it ("not_eligible" → "not eligible"), so a
 * sentence naming a status says what its tag says. */
export function tagWords(value: string): string {
  return TAG_WORDS[value] ?? value.replace(/_/g, " ");
}

export function Tag({ value, text }: { value: string; text?: string }) {
  const colour = TAG_COLOURS[value];
  return (
    <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ""}`}>
      {text ?? tagWords(value)}
    </strong>
  );
}

export function Pagination({
  total,
  limit,
  offset,
  onOffset,
  label = "Pagination",
}: {
  total: number;
  limit: number;
  offset: number;
  onOffset: (offset: number) => void;
  /** The landmark's name, where a page has more than one list that pages. */
  label?: string;
}) {
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(total / limit);
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {offset > 0 && (
        <div className="govuk-pagination__prev">
          <button type="button" className="govuk-link govuk-pagination__link cma-link-button" onClick={() => onOffset(Math.max(0, offset - limit))}>
            <span className="govuk-pagination__link-title">Previous<span className="govuk-visually-hidden"> page</span></span>
          </button>
        </div>
      )}
      <p className="govuk-body govuk-!-margin-bottom-0 cma-pagination-status">
        Page {page} of {pages} ({total} in all)
      </p>
      {offset + limit < total && (
        <div className="govuk-pagination__next">
          <button type="button" className="govuk-link govuk-pagination__link cma-link-button" onClick={() => onOffset(offset + limit)}>
            <span className="govuk-pagination__link-title">Next<span className="govuk-visually-hidden"> page</span></span>
          </button>
        </div>
      )}
    </nav>
  );
}

export function SummaryList({ rows }: { rows: ReadonlyArray<readonly [string, ReactNode]> }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A field the API withheld for this role: say so, never show a blank. */
export function Withheld() {
  return (
    <span className="cma-withheld">
      <strong className="govuk-tag govuk-tag--grey">Withheld</strong> your role does not allow you to see this
    </span>
  );
}

/** A wide table's box: it scrolls sideways on its own (the page never does), and while it
 * does it can be reached with the keyboard and is named after the table's caption, so
 * keyboard and screen reader users can scroll it too (axe: scrollable-region-focusable). */
/** A box that scrolls sideways when its content is wider than the screen; then it is a
 * named, focusable region (named by its table's caption, or by ``label``). */
export function ScrollBox({ children, label }: { children: ReactNode; label?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === "undefined") return;
    const measure = () => {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      const caption = label ?? box.querySelector("caption")?.textContent?.trim();
      setName(scrolls ? `${caption || "Table"} (scrolls sideways)` : null);
    };
    measure();
    const watch = new ResizeObserver(measure);
    watch.observe(box);
    if (box.firstElementChild) watch.observe(box.firstElementChild);
    return () => watch.disconnect();
  }, [label]);
  return name === null ? (
    <div ref={ref} className="cma-table-scroll">
      {children}
    </div>
  ) : (
    <div ref={ref} className="cma-table-scroll" tabIndex={0} role="region" aria-label={name}>
      {children}
    </div>
  );
}

/** A GOV.UK success banner that takes the focus when it appears (and when its words
 * change), so a keyboard or screen-reader user hears what changed and goes on from here:
 * after a decision or an addition whose buttons or form were replaced. */
export function SuccessBanner({ text }: { text: string }) {
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => banner.current?.focus(), [text]);
  return (
    <div ref={banner} tabIndex={-1} className="govuk-notification-banner govuk-notification-banner--success" role="status">
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{text}</p>
      </div>
    </div>
  );
}
