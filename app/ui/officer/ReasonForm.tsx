import { Button } from "~/ui/govuk/components";
import { type Field, Textarea } from "~/ui/govuk/fields";
import { type FormLike, PostForm } from "~/ui/govuk/form";

const WORDS = {
  refuse: { title: "Refuse", label: "Reasons for refusing", button: "Refuse the application" },
  revoke: { title: "Revoke", label: "Reason for revoking", button: "Revoke" },
} as const;

/**
 * An officer's refusal or revocation: a heading, the reasons (emailed to those `hint` names) and a warning button;
 * `label` and `button` replace the usual words.
 */
export function ReasonForm({
  intent,
  form,
  field,
  heading: Heading,
  label = WORDS[intent].label,
  hint,
  button = WORDS[intent].button,
}: { intent: keyof typeof WORDS; form: FormLike; field: Field; heading: "h2" | "h3"; label?: string; hint: string; button?: string }) {
  return (
    <>
      <Heading className="govuk-heading-m">{WORDS[intent].title}</Heading>
      <PostForm form={form}>
        <input type="hidden" name="intent" value={intent} />
        <Textarea field={field} label={label} hint={hint} />
        <Button warning>{button}</Button>
      </PostForm>
    </>
  );
}
