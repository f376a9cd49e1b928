import { z } from "zod";
import { isIsoDate } from "./dates";

/** Shared pieces of the public API request schemas (DESIGN.md public contracts). */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** True for a clock time written HH:MM, whatever was sent. */
export const isTime = (value: unknown): value is string => typeof value === "string" && TIME.test(value);

/** Cross-field checks run even when another field is wrong, so every error is reported at once; each one checks its own values. */
export const always = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

export const isoDate = (what: string) =>
  z.string({ error: `Enter ${what} as YYYY-MM-DD` }).refine(isIsoDate, { message: `Enter ${what} as a real date, YYYY-MM-DD` });

export const time = (what: string) => z.string({ error: `Enter ${what} as HH:MM` }).regex(TIME, { message: `Enter ${what} as HH:MM, from 00:00 to 23:59` });
