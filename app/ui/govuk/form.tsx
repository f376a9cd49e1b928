import { type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { createContext, type ReactNode, useContext, useEffect, useRef } from "react";

/** The visitor's form token, provided by the page shell (PageLayout). */
export const CsrfToken = createContext("");

export function CsrfInput() {
  return <input type="hidden" name="csrf" value={useContext(CsrfToken)} />;
}

export type FormLike = { id: string; onSubmit: (event: React.FormEvent<HTMLFormElement>) => void; noValidate: boolean };

/** A POST form carrying the CSRF token; pass conform's form props (or none, for a plain button form). `upload` for a file input. */
export function PostForm({ form, action, upload, children }: { form?: FormLike; action?: string; upload?: boolean; children: ReactNode }) {
  return (
    <Form
      method="post"
      action={action}
      encType={upload ? "multipart/form-data" : undefined}
      id={form?.id}
      onSubmit={form?.onSubmit}
      noValidate={form?.noValidate ?? true}
    >
      <CsrfInput />
      {children}
    </Form>
  );
}

export type SummaryError = { href: string; text: string };

/** GOV.UK error summary built from conform's form metadata: each field error links to its field. */
export function ErrorSummary({
  form,
  order,
  formErrorTarget,
}: {
  form: { id: string; errors?: string[]; allErrors: Record<string, string[]> };
  /** Field names in page order, so the summary lists errors top to bottom. */
  order: string[];
  /** Field a form-level error points at. */
  formErrorTarget?: string;
}) {
  const items: SummaryError[] = [];
  for (const text of form.errors ?? []) items.push({ href: `#${form.id}-${formErrorTarget ?? order[0]}`, text });
  for (const name of order) {
    const errs = form.allErrors[name];
    if (errs?.length) items.push({ href: `#${form.id}-${name}`, text: errs[0] });
  }
  return items.length ? <ErrorSummaryBox items={items} /> : null;
}

/** The GOV.UK error summary for a list of problems; focused when shown, and the page title gains "Error: ". */
export function ErrorSummaryBox({ items }: { items: SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = items.map((i) => i.text).join("|");
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus whenever the set of errors changes
  useEffect(() => {
    ref.current?.focus();
    // Errors found in the browser (JavaScript on) need the "Error: " title too.
    if (!document.title.startsWith("Error: ")) document.title = `Error: ${document.title}`;
  }, [key]);
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {items.map((item) => (
              <li key={item.href + item.text}>
                <a href={item.href}>{item.text}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * On a page with several forms told apart by their `intent` field: the last submission's result for the form with
 * key `formKey` (undefined for every other form), so only that form shows its errors and keeps what was typed.
 * `keyOf` makes a submission's key from what it sent (by default, its intent).
 */
export function resultsByForm(lastResult: unknown, keyOf: (sent: Record<string, unknown>) => string = (sent) => String(sent.intent ?? "")) {
  const sent = ((lastResult as { initialValue?: Record<string, unknown> } | undefined)?.initialValue ?? {}) as Record<string, unknown>;
  const key = keyOf(sent);
  return (formKey: string) => (key === formKey ? lastResult : undefined);
}

/**
 * conform's useForm with this service's settings: a fixed id (stable error-summary links), the zod schema
 * on both sides, and revalidation as the person types once a field has an error.
 */
export function useGovukForm<Schema extends z.ZodType<unknown, Record<string, unknown>>>(
  id: string,
  schema: Schema,
  lastResult: unknown,
  /** Saved answers to start from (e.g. a question page you come back to); what was typed wins after an error. */
  defaultValue?: Record<string, unknown>,
) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    id,
    lastResult: lastResult as SubmissionResult<string[]> | null | undefined,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(schema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}
