const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const LONG_DATE_WITH_DAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** "14 March 2026" from YYYY-MM-DD. */
export const longDate = (iso: string) => LONG_DATE.format(day(iso));

/** "Saturday 14 March 2026" from YYYY-MM-DD: for a day someone must answer by, or a school day missed. */
export const longDateWithDay = (iso: string) => LONG_DATE_WITH_DAY.format(day(iso));
