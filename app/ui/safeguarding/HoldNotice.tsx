import type { HoldNotice as Hold } from "~/domain/safeguarding/holds";
import { HOLD_LABEL } from "~/domain/safeguarding/labels";
import { WarningText } from "../govuk/components";

/** What an officer sees of a LADO hold: whom to contact, never why. */
export function HoldNotice({ hold, what }: { hold: Hold | null; what: string }) {
  if (!hold) return null;
  return (
    <WarningText>
      {HOLD_LABEL}. {hold.ladoAuthority}'s Local Authority Designated Officer (LADO) has put this {what} on hold.{" "}
      {hold.promptRevoke ? `The LADO has asked for it to be revoked: revoke it, or contact the LADO.` : "Don't grant or reinstate anything until the LADO lifts the hold."}
    </WarningText>
  );
}
