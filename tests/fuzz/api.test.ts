import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { action as employmentChecks } from "~/routes/api.v1.employment-checks";
import { action as exemptionChecks } from "~/routes/api.v1.exemption-checks";
import { action as scheduleChecks } from "~/routes/api.v1.schedule-checks";
import { anyJson, clockTime, fieldValue, hostileString, isoDate, leaksInternals, RUNS, withSomeMissing } from "./hostile";

type Action = (args: { request: Request; context: never; params: never }) => Promise<Response>;

/** Posts a body (JSON text unless it is already a string) and checks the answer is a 200 or a 400 with errors by path. */
async function answers(action: Action, path: string, body: unknown) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  let response: Response;
  try {
    response = await action({ request: new Request(`http://localhost${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: text }), context: {} as never, params: {} as never });
  } catch (thrown) {
    if (thrown instanceof Response) response = thrown;
    else throw new Error(`threw for ${text.slice(0, 200)}: ${(thrown as Error).message}`);
  }
  const raw = await response.text();
  expect([200, 400], `status for ${text.slice(0, 300)}`).toContain(response.status);
  expect(leaksInternals(raw), raw.slice(0, 300)).toBe(false);
  const answer = JSON.parse(raw);
  if (response.status === 400) {
    expect(Array.isArray(answer.errors) && answer.errors.length > 0).toBe(true);
    for (const e of answer.errors) {
      expect(typeof e.path).toBe("string");
      expect(typeof e.message).toBe("string");
      expect(e.message.length).toBeGreaterThan(0);
    }
  }
  return { status: response.status, answer };
}

const period = withSomeMissing({ start: fieldValue(clockTime), end: fieldValue(clockTime) });
const child = withSomeMissing({ dateOfBirth: fieldValue(isoDate) });

const exemptionRequest = withSomeMissing({
  child: fieldValue(child),
  performance: fieldValue(
    withSomeMissing({
      dates: fieldValue(fc.array(fieldValue(isoDate), { maxLength: 40 })),
      paid: fieldValue(fc.boolean()),
      absenceFromSchool: fieldValue(fc.boolean()),
      broadcast: fieldValue(fc.boolean()),
      organiserHoldsBopa: fieldValue(fc.boolean()),
      arrangedBySchool: fieldValue(fc.boolean()),
    }),
  ),
  previousPerformanceDates: fieldValue(fc.array(fieldValue(isoDate), { maxLength: 400 })),
});

const scheduleRequest = withSomeMissing({
  child: fieldValue(child),
  nightWorkPermitted: fieldValue(fc.boolean()),
  days: fieldValue(
    fc.array(
      withSomeMissing({
        date: fieldValue(isoDate),
        arrive: fieldValue(clockTime),
        depart: fieldValue(clockTime),
        performing: fieldValue(fc.array(period, { maxLength: 6 })),
        breaks: fieldValue(fc.array(withSomeMissing({ start: fieldValue(clockTime), end: fieldValue(clockTime), kind: fieldValue(fc.constantFrom("meal", "rest")) }), { maxLength: 6 })),
      }),
      { maxLength: 60 },
    ),
  ),
});

const employmentRequest = withSomeMissing({
  child: fieldValue(child),
  occupation: fieldValue(fc.oneof(fc.constantFrom("newspaper-delivery", "shop-work", "cafe-kitchen", "babysitting", "factory"), hostileString)),
  shifts: fieldValue(
    fc.array(
      withSomeMissing({
        date: fieldValue(isoDate),
        start: fieldValue(clockTime),
        end: fieldValue(clockTime),
        dayType: fieldValue(fc.constantFrom("school", "saturday", "sunday", "holiday")),
      }),
      { maxLength: 60 },
    ),
  ),
});

// Well-formed requests with generated dates and choices: these must reach the rules and answer 200.
const validExemption = fc.record({
  child: fc.record({ dateOfBirth: isoDate }),
  performance: fc.record({
    dates: fc.array(isoDate, { minLength: 1, maxLength: 10 }),
    paid: fc.boolean(),
    absenceFromSchool: fc.boolean(),
    broadcast: fc.boolean(),
    organiserHoldsBopa: fc.boolean(),
    arrangedBySchool: fc.boolean(),
  }),
  previousPerformanceDates: fc.array(isoDate, { maxLength: 30 }),
});
const validSchedule = fc.record({
  child: fc.record({ dateOfBirth: isoDate }),
  nightWorkPermitted: fc.boolean(),
  days: fc.uniqueArray(isoDate, { minLength: 1, maxLength: 10 }).map((dates) =>
    dates.map((date) => ({ date, arrive: "17:30", depart: "21:00", performing: [{ start: "19:00", end: "20:30" }], breaks: [{ start: "18:00", end: "18:45", kind: "meal" }] })),
  ),
});
const validEmployment = fc.record({
  child: fc.record({ dateOfBirth: isoDate }),
  occupation: fc.constantFrom("newspaper-delivery", "shop-work", "babysitting"),
  shifts: fc.uniqueArray(isoDate, { minLength: 1, maxLength: 10 }).map((dates) => dates.map((date) => ({ date, start: "07:00", end: "08:00", dayType: "school" }))),
});

const cases = [
  ["POST /api/v1/exemption-checks", exemptionChecks, "/api/v1/exemption-checks", fc.oneof(validExemption, exemptionRequest)],
  ["POST /api/v1/schedule-checks", scheduleChecks, "/api/v1/schedule-checks", fc.oneof(validSchedule, scheduleRequest)],
  ["POST /api/v1/employment-checks", employmentChecks, "/api/v1/employment-checks", fc.oneof(validEmployment, employmentRequest)],
] as const;

describe.each(cases)("%s with generated input", (_name, action, path, request) => {
  it(`answers ${RUNS} near-valid requests (wrong types, missing fields, hostile values) with 200 or a 400 by path`, async () => {
    const seen = { 200: 0, 400: 0 };
    await fc.assert(
      fc.asyncProperty(request, async (body) => {
        seen[(await answers(action as unknown as Action, path, body)).status as 200 | 400]++;
      }),
      { numRuns: RUNS },
    );
    // the generator reaches both the rules and the validation
    expect(seen[200]).toBeGreaterThan(0);
    expect(seen[400]).toBeGreaterThan(0);
  });

  it(`answers ${RUNS} arbitrary bodies (any JSON, not JSON, huge) with a 400 or a 200, never a 500`, async () => {
    const raw = fc.oneof(anyJson, hostileString.map((s) => `${s}`), fc.constant("{".repeat(5000)), fc.constant(`[${"1,".repeat(100_000)}1]`));
    await fc.assert(
      fc.asyncProperty(raw, async (body) => {
        await answers(action as unknown as Action, path, body);
      }),
      { numRuns: RUNS },
    );
  });
});
