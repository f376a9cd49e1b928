import { Button } from "~/ui/govuk/components";
import { type Field, Textarea } from "~/ui/govuk/fields";
import { type FormLike, PostForm } from "~/ui/govuk/form";

const TITLES = { refuse: "Refuse", revoke: "Revoke" } as const;

/** An officer's refusal or revocation: a heading, the reasons (emailed to those `hint` names) and a warning button. */
export function ReasonForm({
  intent,
  form,
  field,
  heading: Heading,
  label,
  hint,
  button,
}: { intent: keyof typeof TITLES; form: FormLike; field: Field; heading: "h2" | "h3"; label: string; hint: string; button: string }) {
  return (
    <>
      <Heading className="govuk-heading-m">{TITLES[intent]}</Heading>
      <PostForm form={form}>
        <input type="hidden" name="intent" value={intent} />
        <Textarea field={field} label={label} hint={hint} />
        <Button warning>{button}</Button>
      </PostForm>
    </>
  );
}
