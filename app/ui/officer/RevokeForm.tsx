import { Button } from "~/ui/govuk/components";
import { type Field, Textarea } from "~/ui/govuk/fields";
import { type FormLike, PostForm } from "~/ui/govuk/form";

/** The officer's form to revoke a granted document: the reason, emailed to those named in `hint`, and a warning button. */
export function RevokeForm({ form, field, heading: Heading, label, hint, button }: { form: FormLike; field: Field; heading: "h2" | "h3"; label: string; hint: string; button: string }) {
  return (
    <>
      <Heading className="govuk-heading-m">Revoke</Heading>
      <PostForm form={form}>
        <input type="hidden" name="intent" value="revoke" />
        <Textarea field={field} label={label} hint={hint} />
        <Button warning>{button}</Button>
      </PostForm>
    </>
  );
}
