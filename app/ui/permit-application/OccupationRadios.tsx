import { LIGHT_WORK_13, OCCUPATION_LABELS, type Occupation, PROHIBITED_WORK } from "~/domain/employment/rules";
import type { Field } from "../govuk/fields";

const GROUPS: { title: string; hint: string; codes: readonly Occupation[] }[] = [
  { title: "Light work", hint: "Children of 13 and over may do these", codes: LIGHT_WORK_13 },
  { title: "Other light work", hint: "Only children of 14 and over", codes: ["other-light-work"] },
  { title: "Work no child may do", hint: "The council cannot grant a permit for these, at any age", codes: PROHIBITED_WORK },
];

/** The occupation codes of DOMAIN.md §4 as radios in three groups: one field, one fieldset, a heading per group. */
export function OccupationRadios({ field, legend }: { field: Field; legend: string }) {
  const error = field.errors?.[0];
  let index = 0;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? field.errorId : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        {error ? (
          <p id={field.errorId} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        {GROUPS.map((group) => (
          <div key={group.title} className="govuk-!-margin-bottom-4">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{group.title}</h3>
            <p className="govuk-hint">{group.hint}</p>
            <div className="govuk-radios govuk-radios--small">
              {group.codes.map((code) => {
                const id = index === 0 ? field.id : `${field.id}-${index + 1}`;
                index++;
                return (
                  <div className="govuk-radios__item" key={code}>
                    <input className="govuk-radios__input" id={id} name={field.name} type="radio" value={code} defaultChecked={field.initialValue === code} />
                    <label className="govuk-label govuk-radios__label" htmlFor={id}>
                      {OCCUPATION_LABELS[code]}
                    </label>
                  </div>
                );
              })}
            </div>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
