import { type FormMetadata, getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { BackLink, Button } from "~/ui/govuk/components";
import { ErrorSummary, PostForm } from "~/ui/govuk/form";

/**
 * The frame of each page of a parent's part of a licence application: a back link (to check your answers when they
 * came from there), the error summary, the caption, what the page says first (`intro`), then the form, which
 * remembers where to return and ends with "Save and continue" and "Save and come back later".
 */
export function ParentSectionPage({
  base,
  returnTo,
  caption,
  form,
  order,
  intro,
  upload,
  children,
}: {
  base: string;
  returnTo: string | null;
  caption: string;
  // biome-ignore lint/suspicious/noExplicitAny: any page's form, whatever its fields
  form: FormMetadata<any, string[]>;
  /** Field names in page order, for the error summary. */
  order: string[];
  intro?: ReactNode;
  upload?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={returnTo ? `${base}/check` : base} />
        <ErrorSummary form={form} order={order} />
        <span className="govuk-caption-l">{caption}</span>
        {intro}
        <PostForm form={getFormProps(form)} upload={upload}>
          {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
          {children}
          <div className="govuk-button-group">
            <Button>Save and continue</Button>
            <Button secondary name="intent" value="later">
              Save and come back later
            </Button>
          </div>
        </PostForm>
      </div>
    </div>
  );
}
