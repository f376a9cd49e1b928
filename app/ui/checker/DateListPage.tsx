import { getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { useMemo } from "react";
import { formatDay } from "~/domain/calendar/dates";
import { Button } from "~/ui/govuk/components";
import { DateInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";
import { Caption, CheckerPage, ReturnTo } from "./CheckerPage";
import { dateListSchema } from "./schemas";

type Props = {
  id: string;
  heading: string;
  intro?: ReactNode;
  /** Completes "Enter the …" in the browser's messages (the action has the same words). */
  label: string;
  hint: string;
  data: { dates: string[]; fromCheck: boolean; back: string };
  lastResult: unknown;
};

/**
 * The add-another pattern without JavaScript: the dates so far, each with its own "Remove" form, then one form
 * to add a date ("Add date" comes back here) or move on ("Continue").
 */
export function DateListPage({ id, heading, intro, label, hint, data, lastResult }: Props) {
  return (
    <CheckerPage back={data.back}>
      {/* A fresh form after each change, so a date just added is not left in the inputs. */}
      <AddDateForm key={data.dates.join()} id={id} heading={heading} intro={intro} label={label} hint={hint} data={data} lastResult={lastResult} />
    </CheckerPage>
  );
}

function AddDateForm({ id, heading, intro, label, hint, data, lastResult }: Props) {
  const schema = useMemo(() => dateListSchema(label), [label]);
  const [form, fields] = useGovukForm(id, schema, lastResult);
  return (
    <>
      <ErrorSummary form={form} order={["dateDay"]} />
      <Caption />
      <h1 className="govuk-heading-l">{heading}</h1>
      {intro}
      {data.dates.length ? (
        <>
          <h2 className="govuk-heading-m">
            You have added {data.dates.length} {data.dates.length === 1 ? "date" : "dates"}
          </h2>
          <dl className="govuk-summary-list">
            {data.dates.map((date) => (
              <div className="govuk-summary-list__row" key={date}>
                <dt className="govuk-summary-list__key govuk-!-font-weight-regular">{formatDay(date)}</dt>
                <dd className="govuk-summary-list__actions">
                  <PostForm>
                    <ReturnTo fromCheck={data.fromCheck} />
                    <input type="hidden" name="date" value={date} />
                    <button type="submit" className="app-link-button" name="intent" value="remove">
                      Remove<span className="govuk-visually-hidden"> {formatDay(date)}</span>
                    </button>
                  </PostForm>
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      <PostForm form={getFormProps(form)}>
        <ReturnTo fromCheck={data.fromCheck} />
        <DateInput id="date" legend="Add a date" hint={hint} day={fields.dateDay} month={fields.dateMonth} year={fields.dateYear} />
        <div className="govuk-button-group">
          <Button secondary name="intent" value="add">
            Add date
          </Button>
          <Button name="intent" value="continue">
            Continue
          </Button>
        </div>
      </PostForm>
    </>
  );
}
