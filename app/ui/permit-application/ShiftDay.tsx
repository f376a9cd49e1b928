import type { Field } from "../govuk/fields";

const ORDINAL = ["First", "Second"];

/**
 * One day of a weekly pattern: a fieldset (legend the day's name) with each shift's start and end side by side,
 * and the first error among them above the inputs.
 */
export function ShiftDay({ id, legend, shifts }: { id: string; legend: string; shifts: { start: Field; end: Field }[] }) {
  const all = shifts.flatMap((s) => [s.start, s.end]);
  const error = all.flatMap((f) => f.errors ?? [])[0];
  const input = (field: Field, label: string) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={field.id}>
          {label}
        </label>
        <input
          className={`govuk-input govuk-input--width-5${field.errors?.length ? " govuk-input--error" : ""}`}
          id={field.id}
          name={field.name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={typeof field.initialValue === "string" ? field.initialValue : undefined}
        />
      </div>
    </div>
  );
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {error ? (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        {shifts.map((s, i) => (
          <div className="govuk-date-input govuk-!-margin-bottom-2" key={s.start.name}>
            {input(s.start, `${ORDINAL[i]} shift starts`)}
            {input(s.end, `${ORDINAL[i]} shift ends`)}
          </div>
        ))}
      </fieldset>
    </div>
  );
}
