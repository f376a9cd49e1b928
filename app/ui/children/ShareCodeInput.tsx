import { z } from "zod";
import { isShareCodeShape, normaliseShareCode, SHARE_CODE_MESSAGES } from "~/domain/children/rules";
import { type Field, TextInput } from "~/ui/govuk/fields";

/** A share code as typed: any case, with or without the dash or spaces. */
export const shareCodeSchema = z.object({
  code: z
    .string({ error: SHARE_CODE_MESSAGES.empty })
    .trim()
    .min(1, { error: SHARE_CODE_MESSAGES.empty })
    .max(40, { error: SHARE_CODE_MESSAGES.format })
    .refine((v) => isShareCodeShape(normaliseShareCode(v)), { error: SHARE_CODE_MESSAGES.format }),
});

export function ShareCodeInput({ field }: { field: Field }) {
  return <TextInput field={field} label="Share code" hint="8 letters and numbers, for example, ABCD-EFGH" width="10" spellCheck={false} autoComplete="off" />;
}
