import { Link } from "./link";
import { type ReactNode, useId } from "react";

export function Button({ children, secondary, warning, name, value }: { children: ReactNode; secondary?: boolean; warning?: boolean; name?: string; value?: string }) {
  const cls = ["govuk-button", secondary && "govuk-button--secondary", warning && "govuk-button--warning"].filter(Boolean).join(" ");
  return (
    <button type="submit" className={cls} data-module="govuk-button" name={name} value={value}>
      {children}
    </button>
  );
}

export function StartButton({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
      {children}
      <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
      </svg>
    </Link>
  );
}

export function BackLink({ to, children = "Back" }: { to: string; children?: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  );
}

export function Panel({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <h1 className="govuk-panel__title">{title}</h1>
      {children ? <div className="govuk-panel__body">{children}</div> : null}
    </div>
  );
}

export function NotificationBanner({ title = "Important", success, children }: { title?: string; success?: boolean; children: ReactNode }) {
  const inner = (
    <>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="govuk-notification-banner-title">
          {success ? "Success" : title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </>
  );
  return success ? (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="govuk-notification-banner-title">
      {inner}
    </div>
  ) : (
    <section className="govuk-notification-banner" aria-labelledby="govuk-notification-banner-title">
      {inner}
    </section>
  );
}

export type SummaryRow = { key: ReactNode; value: ReactNode; action?: { to: string; label: string; hidden: string } };

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((row, i) => (
        <div className="govuk-summary-list__row" key={i}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.action ? (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.action.to}>
                {row.action.label}
                <span className="govuk-visually-hidden"> {row.action.hidden}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

/**
 * A table that scrolls sideways on its own when it is wider than the screen, so the page never does (WCAG 1.4.10
 * Reflow): a region named by the table's caption (`labelledBy`, its id) or by `label`, which a keyboard can focus
 * and scroll.
 */
function TableScroll({ labelledBy, label, children }: ({ labelledBy: string; label?: undefined } | { labelledBy?: undefined; label: string }) & { children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus, or a keyboard cannot scroll it
    <section className="app-table-scroll" tabIndex={0} aria-labelledby={labelledBy} aria-label={label}>
      {children}
    </section>
  );
}

/** A table is named by its caption or, where a heading above already says what it is, by `label`. */
type TableName = { caption: ReactNode; label?: undefined } | { caption?: undefined; label: string };

type TableLayout = {
  captionSize?: "s" | "m";
  /** Columns from this one on hold numbers, right-aligned. */
  numericFrom?: number;
  /** The first cell of each row is the row's header. */
  rowHeaders?: boolean;
};

export function Table({ caption, label, head, rows, captionSize = "m", numericFrom = Number.POSITIVE_INFINITY, rowHeaders = false }: TableName & TableLayout & { head: ReactNode[]; rows: ReactNode[][] }) {
  const captionId = useId();
  const numeric = (i: number, kind: "header" | "cell") => (i >= numericFrom ? ` govuk-table__${kind}--numeric` : "");
  return (
    <TableScroll {...(label === undefined ? { labelledBy: captionId } : { label })}>
      <table className="govuk-table">
        {caption ? (
          <caption id={captionId} className={`govuk-table__caption govuk-table__caption--${captionSize}`}>
            {caption}
          </caption>
        ) : null}
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {head.map((h, i) => (
              <th scope="col" className={`govuk-table__header${numeric(i, "header")}`} key={i}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row, i) => (
            <tr className="govuk-table__row" key={i}>
              {row.map((cell, j) =>
                rowHeaders && j === 0 ? (
                  <th scope="row" className="govuk-table__header" key={j}>
                    {cell}
                  </th>
                ) : (
                  <td className={`govuk-table__cell${numeric(j, "cell")}`} key={j}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function Tag({ children, colour }: { children: ReactNode; colour?: "grey" | "green" | "blue" | "red" | "yellow" | "orange" | "purple" }) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ""}`}>{children}</strong>;
}

/** An orange "Late" tag after a status or a date (with the space before it), when `late`. */
export function LateTag({ late }: { late: boolean }) {
  return late ? (
    <>
      {" "}
      <Tag colour="orange">Late</Tag>
    </>
  ) : null;
}

/** Text as it was typed, its line breaks kept. */
export const preLine = (text: string) => <span className="app-pre-line">{text}</span>;

/** A yes-or-no answer, or "Not answered". */
export const yesNoAnswer = (value: boolean | null) => (value === null ? "Not answered" : value ? "Yes" : "No");

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}

export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

/** On a check-your-answers page: a warning that the part cannot be confirmed yet, with a link to each unanswered question. */
export function UnansweredQuestions({ base, questions }: { base: string; questions: { slug: string; text: string }[] }) {
  if (!questions.length) return null;
  return (
    <>
      <WarningText>You cannot confirm your part until you have answered every question.</WarningText>
      <ul className="govuk-list govuk-list--bullet">
        {questions.map((q) => (
          <li key={q.slug}>
            <Link className="govuk-link" to={`${base}/${q.slug}?from=check`}>
              {q.text}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
