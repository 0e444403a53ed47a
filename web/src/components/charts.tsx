// Charts the console draws itself as SVG: no library, no inline styles (the CSP allows
// none), colours from classes in styles.scss. Sizes are percentages of the SVG's own box,
// so the text keeps its size at any width. Every chart comes with its figures as a table
// (a GOV.UK details element under it): the chart is for looking, the table for reading
// and for screen readers, which get the chart itself as one short summary.
import type { ReactNode } from "react";
import { ScrollBox } from "./ui";

export interface TableAlternative {
  headers: string[];
  rows: ReadonlyArray<ReadonlyArray<ReactNode>>;
}

function FiguresTable({ caption, table }: { caption: string; table: TableAlternative }) {
  return (
    <details className="govuk-details cma-chart__details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Show the figures as a table</span>
      </summary>
      <div className="govuk-details__text">
        <ScrollBox>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {table.headers.map((h) => (
                  <th scope="col" className="govuk-table__header" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {table.rows.map((row, i) => (
                <tr className="govuk-table__row" key={i}>
                  {row.map((cell, j) =>
                    j === 0 ? (
                      <th scope="row" className="govuk-table__header" key={j}>
                        {cell}
                      </th>
                    ) : (
                      <td className="govuk-table__cell" key={j}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </div>
    </details>
  );
}

export interface Bar {
  label: string;
  /** A percentage, 0 to 100; null when there is nothing to measure. */
  percent: number | null;
  /** Shown after the bar, e.g. "17 of 18". */
  note?: string;
}

const ROW = 44;

/** Horizontal bars of percentages (pass rates), one row per label. */
export function PercentBars({
  id,
  title,
  summary,
  bars,
  table,
}: {
  id: string;
  title: string;
  /** One sentence for screen readers, e.g. the lowest rate. */
  summary: string;
  bars: Bar[];
  table: TableAlternative;
}) {
  if (bars.length === 0) return <p className="govuk-body">No figures yet for {title.toLowerCase()}.</p>;
  const height = bars.length * ROW + 8;
  return (
    <figure className="cma-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="govuk-heading-s">
        {title}
      </figcaption>
      <svg className="cma-chart__svg" width="100%" height={height} role="img" aria-label={summary}>
        {bars.map((b, i) => {
          const y = i * ROW;
          const pct = b.percent === null ? 0 : Math.max(0, Math.min(100, b.percent));
          const low = b.percent !== null && b.percent < 75;
          return (
            <g key={b.label}>
              <text x="0" y={y + 14} className="cma-chart__label">
                {b.label}
              </text>
              <rect x="0" y={y + 20} width="80%" height="14" className="cma-chart__track" />
              <rect
                x="0"
                y={y + 20}
                width={`${(pct * 0.8).toFixed(2)}%`}
                height="14"
                className={low ? "cma-chart__bar cma-chart__bar--low" : "cma-chart__bar"}
              />
              <text x="82%" y={y + 32} className="cma-chart__value">
                {b.percent === null ? "n/a" : `${Math.round(b.percent)}%`}
                {b.note ? ` (${b.note})` : ""}
              </text>
            </g>
          );
        })}
      </svg>
      <FiguresTable caption={title} table={table} />
    </figure>
  );
}

export interface Point {
  label: string;
  percent: number;
}

/** Percentages over time (oldest left), as points joined by lines. */
export function PercentLine({
  id,
  title,
  summary,
  points,
  table,
}: {
  id: string;
  title: string;
  summary: string;
  points: Point[];
  table: TableAlternative;
}) {
  if (points.length === 0) return <p className="govuk-body">No figures yet for {title.toLowerCase()}.</p>;
  // Plot area: x 8%..96%, y 10%..80% of the box (100% at the top).
  const x = (i: number) => (points.length === 1 ? 52 : 8 + (88 * i) / (points.length - 1));
  const y = (p: number) => 80 - (70 * Math.max(0, Math.min(100, p))) / 100;
  const pc = (n: number) => `${n.toFixed(2)}%`;
  return (
    <figure className="cma-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="govuk-heading-s">
        {title}
      </figcaption>
      <svg className="cma-chart__svg" width="100%" height="220" role="img" aria-label={summary}>
        {[0, 50, 100].map((g) => (
          <g key={g}>
            <line x1="8%" x2="96%" y1={pc(y(g))} y2={pc(y(g))} className="cma-chart__grid" />
            <text x="0" y={pc(y(g) + 2)} className="cma-chart__axis">
              {g}%
            </text>
          </g>
        ))}
        {points.slice(1).map((p, i) => (
          <line
            key={`l${p.label}`}
            x1={pc(x(i))}
            y1={pc(y(points[i]!.percent))}
            x2={pc(x(i + 1))}
            y2={pc(y(p.percent))}
            className="cma-chart__line"
          />
        ))}
        {points.map((p, i) => (
          <g key={p.label}>
            <circle cx={pc(x(i))} cy={pc(y(p.percent))} r="5" className="cma-chart__point" />
            <text x={pc(x(i))} y="94%" className="cma-chart__axis cma-chart__axis--x">
              {p.label}
            </text>
          </g>
        ))}
      </svg>
      <FiguresTable caption={title} table={table} />
    </figure>
  );
}
