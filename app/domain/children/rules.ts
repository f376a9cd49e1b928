/**
 * Rules for children's profiles, share codes and producers' invitations. Pure and browser-safe: the same
 * checks run in the form (JavaScript on) and in the verbs.
 */

export const CHILD_RULES = {
  /** An unused share code stops working this many days after it was made. */
  shareCodeDays: { days: 14, source: "service policy" },
  /** A producer's invitation to a parent works for this many days. */
  invitationDays: { days: 14, source: "service policy" },
  /** Profiles are for children: anyone this old or older is refused. */
  maxAgeYears: { years: 18, source: "service policy (the licensing rules stop applying well before 18; see EXEMPT-CHILD)" },
  /** Failed share code attempts a person may make in a window before being stopped. */
  shareCodeAttempts: { limit: 10, windowSeconds: 3600, source: "service policy" },
} as const;

/** Share code characters: no 0/O, 1/I/L, which are easily confused when read out or copied by hand. */
export const SHARE_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const SHARE_CODE_LENGTH = 8;

/** "abcd efgh", "ABCD-EFGH", "abcdefgh" → "ABCDEFGH". */
export function normaliseShareCode(input: string) {
  return input.replace(/[\s-]+/g, "").toUpperCase();
}

/** "ABCDEFGH" → "ABCD-EFGH". */
export function formatShareCode(normalised: string) {
  return `${normalised.slice(0, 4)}-${normalised.slice(4)}`;
}

/** Eight letters or digits once spaces and dashes are gone (a code with a character we never use simply matches nothing). */
export function isShareCodeShape(normalised: string) {
  return new RegExp(`^[A-Z0-9]{${SHARE_CODE_LENGTH}}$`).test(normalised);
}

export const SHARE_CODE_MESSAGES = {
  empty: "Enter the share code",
  format: "Enter a share code in the format ABCD-EFGH",
  "not-found": "No share code matches the one you entered. Check it with the child's parent",
  expired: "This share code has expired. Ask the child's parent for a new one",
  cancelled: "This share code has been cancelled. Ask the child's parent for a new one",
  used: "This share code has already been used. Each code works for one production only, so ask the child's parent for a new one",
  "too-many": "Too many attempts. Try again later.",
} as const;

/** Where the child is educated when it is not a school on the list or one the parent names. */
export const EDUCATED_AT_HOME = "Educated at home";

export type SchoolChoice = "listed" | "not-listed" | "home";

/** How a saved child's school was answered. */
export function schoolChoiceOf(child: { schoolId: string | null; schoolName: string | null }): SchoolChoice | undefined {
  if (child.schoolId) return "listed";
  if (child.schoolName === EDUCATED_AT_HOME) return "home";
  if (child.schoolName) return "not-listed";
  return undefined;
}

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/;

/** "nm12ab" → "NM1 2AB". */
export function normalisePostcode(postcode: string) {
  const compact = postcode.replace(/\s+/g, "").toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

export const isPostcode = (postcode: string) => POSTCODE.test(normalisePostcode(postcode));

/** A message when a date of birth is not a child's on `today`, else undefined (dates are YYYY-MM-DD). */
export function dateOfBirthProblem(dateOfBirth: string, today: string) {
  if (dateOfBirth > today) return "The date of birth must be today or in the past";
  const [y, m, d] = today.split("-");
  const limit = `${Number(y) - CHILD_RULES.maxAgeYears.years}-${m}-${d}`;
  if (dateOfBirth <= limit) return `The child must be under ${CHILD_RULES.maxAgeYears.years}`;
  return undefined;
}
