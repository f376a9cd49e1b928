import type { ReactNode } from "react";

/** The part of conform's field metadata the GOV.UK components need. */
export type Field = {
  id: string;
  name: string;
  errorId: string;
  descriptionId: string;
  errors?: string[];
  initialValue?: unknown;
};

function classes(...names: (string | false | null | undefined)[]) {
  return names.filter(Boolean).join(" ");
}

function describedBy(field: Field, hint?: ReactNode) {
  return [hint ? field.descriptionId : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
}

function ErrorMessage({ field }: { field: Field }) {
  if (!field.errors?.length) return null;
  return (
    <p id={field.errorId} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {field.errors[0]}
    </p>
  );
}

function Hint({ field, hint }: { field: Field; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <div id={field.descriptionId} className="govuk-hint">
      {hint}
    </div>
  );
}

/** Form group, label (optionally the page heading), hint and error message around one control. */
function LabelledField({
  field,
  label,
  hint,
  isPageHeading,
  labelSize,
  children,
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  isPageHeading?: boolean;
  labelSize?: "s";
  children: ReactNode;
}) {
  const labelEl = (
    <label className={classes("govuk-label", isPageHeading ? "govuk-label--l" : labelSize && `govuk-label--${labelSize}`)} htmlFor={field.id}>
      {label}
    </label>
  );
  return (
    <div className={classes("govuk-form-group", !!field.errors?.length && "govuk-form-group--error")}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelEl}</h1> : labelEl}
      <Hint field={field} hint={hint} />
      <ErrorMessage field={field} />
      {children}
    </div>
  );
}

export function TextInput({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
  width,
  spellCheck,
  isPageHeading,
  inputMode,
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "tel" | "url";
  autoComplete?: string;
  width?: "full" | "three-quarters" | "two-thirds" | "one-half" | "one-third" | "20" | "10" | "5";
  spellCheck?: boolean;
  isPageHeading?: boolean;
  inputMode?: "numeric" | "text" | "email";
}) {
  const error = !!field.errors?.length;
  const widthClass = width ? (/^\d+$/.test(width) ? `govuk-input--width-${width}` : `govuk-!-width-${width}`) : undefined;
  return (
    <LabelledField field={field} label={label} hint={hint} isPageHeading={isPageHeading}>
      <input
        className={classes("govuk-input", widthClass, error && "govuk-input--error")}
        id={field.id}
        name={field.name}
        type={type}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        inputMode={inputMode}
        defaultValue={type === "password" ? undefined : typeof field.initialValue === "string" ? field.initialValue : undefined}
        aria-describedby={describedBy(field, hint)}
      />
    </LabelledField>
  );
}

export type Option = { value: string; label: ReactNode; hint?: ReactNode; conditional?: ReactNode };

function Choices({
  kind,
  field,
  legend,
  hint,
  options,
  isPageHeading,
  small,
}: {
  kind: "checkboxes" | "radios";
  field: Field;
  legend: ReactNode;
  hint?: ReactNode;
  options: Option[];
  isPageHeading?: boolean;
  small?: boolean;
}) {
  const error = !!field.errors?.length;
  const selected = Array.isArray(field.initialValue) ? field.initialValue : field.initialValue != null ? [field.initialValue] : [];
  const type = kind === "checkboxes" ? "checkbox" : "radio";
  const item = kind === "checkboxes" ? "govuk-checkboxes" : "govuk-radios";
  return (
    <div className={classes("govuk-form-group", error && "govuk-form-group--error")}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(field, hint)}>
        <legend className={classes("govuk-fieldset__legend", isPageHeading ? "govuk-fieldset__legend--l" : "govuk-fieldset__legend--m")}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        <Hint field={field} hint={hint} />
        <ErrorMessage field={field} />
        <div className={classes(item, small && `${item}--small`)}>
          {options.map((option, index) => {
            const id = index === 0 ? field.id : `${field.id}-${index + 1}`;
            return (
              <div key={option.value}>
                <div className={`${item}__item`}>
                  <input
                    className={`${item}__input`}
                    id={id}
                    name={field.name}
                    type={type}
                    value={option.value}
                    defaultChecked={selected.includes(option.value)}
                    aria-describedby={option.hint ? `${id}-hint` : undefined}
                  />
                  <label className={`govuk-label ${item}__label`} htmlFor={id}>
                    {option.label}
                  </label>
                  {option.hint ? (
                    <div id={`${id}-hint`} className={`govuk-hint ${item}__hint`}>
                      {option.hint}
                    </div>
                  ) : null}
                </div>
                {option.conditional ? <div className={`${item}__conditional`}>{option.conditional}</div> : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkboxes(props: Omit<Parameters<typeof Choices>[0], "kind">) {
  return <Choices kind="checkboxes" {...props} />;
}

export function Radios(props: Omit<Parameters<typeof Choices>[0], "kind">) {
  return <Choices kind="radios" {...props} />;
}

export function Select({ field, label, hint, options }: { field: Field; label: ReactNode; hint?: ReactNode; options: Option[] }) {
  const error = !!field.errors?.length;
  return (
    <LabelledField field={field} label={label} hint={hint}>
      <select
        className={classes("govuk-select", error && "govuk-select--error")}
        id={field.id}
        name={field.name}
        defaultValue={typeof field.initialValue === "string" ? field.initialValue : ""}
        aria-describedby={describedBy(field, hint)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

/** One labelled box of a GOV.UK date input: a day, a month, a year, or a time. */
function DateInputItem({ field, label, width, className, autoComplete }: { field: Field; label: string; width: 2 | 4 | 5; className?: string; autoComplete?: string }) {
  return (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={field.id}>
          {label}
        </label>
        <input
          className={classes("govuk-input", className, `govuk-input--width-${width}`, !!field.errors?.length && "govuk-input--error")}
          id={field.id}
          name={field.name}
          type="text"
          inputMode="numeric"
          autoComplete={autoComplete}
          defaultValue={typeof field.initialValue === "string" ? field.initialValue : undefined}
        />
      </div>
    </div>
  );
}

export type TimeRange = { start: Field; end: Field; startLabel: string; endLabel: string };

/**
 * Start and end times side by side, a row a range (a shift, a period on stage, a break), in one fieldset named by
 * `legend`, built like the GOV.UK date input; the first error among them is shown. `children` follow the ranges.
 */
export function TimeRangesInput({ id, legend, ranges, children }: { id: string; legend: ReactNode; ranges: TimeRange[]; children?: ReactNode }) {
  const error = ranges.flatMap((r) => [...(r.start.errors ?? []), ...(r.end.errors ?? [])])[0];
  return (
    <div className={classes("govuk-form-group", !!error && "govuk-form-group--error")}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {error ? (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        {ranges.map((r) => (
          <div className={classes("govuk-date-input", ranges.length > 1 && "govuk-!-margin-bottom-2")} key={r.start.name}>
            <DateInputItem field={r.start} label={r.startLabel} width={5} autoComplete="off" />
            <DateInputItem field={r.end} label={r.endLabel} width={5} autoComplete="off" />
          </div>
        ))}
        {children}
      </fieldset>
    </div>
  );
}

/** GOV.UK date input (day, month, year) over three flat fields; the first error among them is shown. */
export function DateInput({
  id,
  legend,
  hint,
  day,
  month,
  year,
  isPageHeading,
}: { id: string; legend: ReactNode; hint?: ReactNode; day: Field; month: Field; year: Field; isPageHeading?: boolean }) {
  const error = [day, month, year].flatMap((f) => f.errors ?? [])[0];
  return (
    <div className={classes("govuk-form-group", !!error && "govuk-form-group--error")}>
      <fieldset className="govuk-fieldset" aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}>
        <legend className={classes("govuk-fieldset__legend", isPageHeading ? "govuk-fieldset__legend--l" : "govuk-fieldset__legend--s")}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-date-input" id={id}>
          <DateInputItem field={day} label="Day" width={2} className="govuk-date-input__input" />
          <DateInputItem field={month} label="Month" width={2} className="govuk-date-input__input" />
          <DateInputItem field={year} label="Year" width={4} className="govuk-date-input__input" />
        </div>
      </fieldset>
    </div>
  );
}

/** GOV.UK textarea for longer answers (reasons, messages). */
export function Textarea({ field, label, hint, rows = 5, isPageHeading }: { field: Field; label: ReactNode; hint?: ReactNode; rows?: number; isPageHeading?: boolean }) {
  const error = !!field.errors?.length;
  return (
    <LabelledField field={field} label={label} hint={hint} isPageHeading={isPageHeading} labelSize="s">
      <textarea
        className={classes("govuk-textarea", error && "govuk-textarea--error")}
        id={field.id}
        name={field.name}
        rows={rows}
        defaultValue={typeof field.initialValue === "string" ? field.initialValue : undefined}
        aria-describedby={describedBy(field, hint)}
      />
    </LabelledField>
  );
}

/** GOV.UK file upload. Browsers never refill a file input, so say what is already uploaded in the hint. */
export function FileUpload({ field, label, hint, accept, isPageHeading }: { field: Field; label: ReactNode; hint?: ReactNode; accept?: string; isPageHeading?: boolean }) {
  const error = !!field.errors?.length;
  return (
    <LabelledField field={field} label={label} hint={hint} isPageHeading={isPageHeading} labelSize="s">
      <input
        className={classes("govuk-file-upload", error && "govuk-file-upload--error")}
        id={field.id}
        name={field.name}
        type="file"
        accept={accept}
        aria-describedby={describedBy(field, hint)}
      />
    </LabelledField>
  );
}
