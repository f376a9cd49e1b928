import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEMO_SCHOOL_TOKEN } from "#db/factories-school";
import { bopaApplications } from "#db/schema/bopa";
import { chaperoneApplications } from "#db/schema/chaperones";
import { children, productions } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { employmentPermits } from "#db/schema/employment";
import { users } from "#db/schema/identity";
import { performanceApplications, scheduleDays, schoolConsultations } from "#db/schema/licences";
import { concerns } from "#db/schema/safeguarding";
import { schools } from "#db/schema/authorities";
import { seedDemo } from "#db/seed-demo";
import { printableAddress } from "../../scripts/http";
import { useTestDatabase } from "../setup/db";
import { routeContext, signedIn, TOKEN } from "../setup/routes";
import { clockTime, hostileString, isoDate, leaksInternals } from "./hostile";
import { invalidStoredValues } from "./invariants";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();

/** Generated submissions per form: at least 500 (FUZZ_FORM_RUNS raises it; FUZZ_FORM_RUNS=50 for a quick look). */
const RUNS = Number(process.env.FUZZ_FORM_RUNS ?? 500);
const ROUTES = path.resolve(__dirname, "../../app/routes");

/** Who submits each area's forms: the demo account that can reach its code. */
const SUBMITTER: [RegExp, string][] = [
  [/^(children|child-invitations|share)\./, "parent@demo.example"],
  [/^producer\./, "producer@demo.example"],
  [/^employer\.|^permits\./, "employer@demo.example"],
  [/^chaperone\./, "chaperone@demo.example"],
  [/^school\./, "school@demo.example"],
  [/^officer\./, "officer@demo.example"],
  [/^lado\./, "lado@demo.example"],
  [/^admin\./, "admin@demo.example"],
  [/^account\./, "parent@demo.example"],
];

/** The field names, intents and choices a route's form uses, read from its source. */
function formVocabulary(source: string) {
  const names = new Set<string>(["csrf-is-set-separately"]);
  for (const re of [/fields\.(\w+)/g, /name="(\w[\w-]*)"/g, /formData\.get\("(\w[\w-]*)"\)/g, /^\s{2,4}(\w+): (?:z\.|text|requiredText|choice|dateParts|yesNo|optionalText)/gm]) {
    for (const m of source.matchAll(re)) names.add(m[1]);
  }
  names.delete("csrf-is-set-separately");
  const words = new Set<string>();
  for (const m of source.matchAll(/(?:case |value=|intent: |\["|, )"([a-z][\w-]{1,40})"/g)) words.add(m[1]);
  return { names: [...names], words: [...words] };
}

async function statusOf(work: Promise<unknown>) {
  try {
    const result = await work;
    return result instanceof Response ? result : new Response(JSON.stringify(result ?? null), { status: 200 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("every form action with generated input", () => {
  it("finds a stored value no form may leave: a control character, an overlong text, an impossible date", async () => {
    await seedDemo(db(), "http://localhost");
    expect(await invalidStoredValues(db())).toEqual([]);
    await db().update(children).set({ firstName: "Amelia\u0007" });
    await db().update(productions).set({ title: "x".repeat(10_001) });
    await db().update(performanceApplications).set({ firstScheduleDate: "0999-01-01" });
    expect(await invalidStoredValues(db())).toEqual(["children.first_name", "performance_applications.first_schedule_date", "productions.title"]);
  });

  it(`answers ${RUNS} generated submissions to each form without a 500, a stack trace or an invalid record stored`, async () => {
    await seedDemo(db(), "http://localhost");
    const pick = async <T>(rows: Promise<T[]>) => (await rows).slice(0, 3);
    const pools: Record<string, string[]> = {
      applicationId: [
        ...(await pick(db().select({ id: performanceApplications.id }).from(performanceApplications))).map((r) => r.id),
        ...(await pick(db().select({ id: bopaApplications.id }).from(bopaApplications))).map((r) => r.id),
        ...(await pick(db().select({ id: chaperoneApplications.id }).from(chaperoneApplications))).map((r) => r.id),
      ],
      childId: (await pick(db().select({ id: children.id }).from(children))).map((r) => r.id),
      productionId: (await pick(db().select({ id: productions.id }).from(productions))).map((r) => r.id),
      permitId: (await pick(db().select({ id: employmentPermits.id }).from(employmentPermits))).map((r) => r.id),
      dayId: (await pick(db().select({ id: scheduleDays.id }).from(scheduleDays))).map((r) => r.id),
      consultationId: (await pick(db().select({ id: schoolConsultations.id }).from(schoolConsultations))).map((r) => r.id),
      schoolId: (await pick(db().select({ id: schools.id }).from(schools))).map((r) => r.id),
      reference: [
        ...(await pick(db().select({ ref: issuedDocuments.reference }).from(issuedDocuments))).map((r) => r.ref),
        ...(await pick(db().select({ ref: concerns.reference }).from(concerns))).map((r) => r.ref),
      ],
      token: [DEMO_SCHOOL_TOKEN],
      week: ["term", "holiday"],
    };
    const cookies = new Map<string, string>();
    const cookieFor = async (file: string) => {
      const email = SUBMITTER.find(([re]) => re.test(file))?.[1];
      if (!email) return undefined;
      if (!cookies.has(email)) {
        const [user] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
        cookies.set(email, await signedIn(user));
      }
      return cookies.get(email);
    };
    const context = routeContext("http://localhost");
    const files = readdirSync(ROUTES).filter((f) => /\.tsx?$/.test(f) && !f.startsWith("api."));
    let tried = 0;
    const statuses = new Map<number, number>();
    for (const file of files) {
      const source = readFileSync(path.join(ROUTES, file), "utf8");
      if (!/export (async )?function action/.test(source)) continue;
      const mod = await import(path.join(ROUTES, file));
      const { names, words } = formVocabulary(source);
      const paramNames = [...file.matchAll(/\$(\w+)/g)].map((m) => m[1]);
      const cookie = await cookieFor(file);
      const value = fc.oneof(
        { weight: 3, arbitrary: hostileString },
        { weight: 2, arbitrary: words.length ? fc.constantFrom(...words) : hostileString },
        { weight: 1, arbitrary: isoDate },
        { weight: 1, arbitrary: clockTime },
        { weight: 1, arbitrary: fc.constantFrom("yes", "no", "on", "1", "0", "-1", "99999999999999999999", "31", "12", "2026") },
      );
      const submission = fc.record({
        fields: fc.dictionary(names.length ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }) : fc.string({ maxLength: 20 }), fc.array(value, { minLength: 1, maxLength: 3 }), { maxKeys: 25 }),
        // what reaches a route: the HTTP layer answers 404 to addresses that aren't printable ASCII (scripts/http.ts)
        params: fc.record(Object.fromEntries(paramNames.map((p) => [p, fc.oneof(pools[p]?.length ? fc.constantFrom(...pools[p]) : fc.uuid(), fc.uuid(), hostileString.filter((v) => printableAddress(encodeURIComponent(v))))]))),
      });
      await fc.assert(
        fc.asyncProperty(submission, async ({ fields, params }) => {
          const form = new FormData();
          form.set("csrf", TOKEN);
          for (const [name, values] of Object.entries(fields)) for (const v of values) form.append(name, v);
          const request = new Request(`http://localhost/${file}`, { method: "POST", body: form, headers: cookie ? { Cookie: cookie } : {} });
          let response: Response;
          try {
            response = await statusOf(mod.action({ request, context, params }));
          } catch (error) {
            throw new Error(`${file} threw (a 500) for ${JSON.stringify({ fields, params }).slice(0, 400)}: ${(error as Error).stack?.slice(0, 600)}`);
          }
          expect(response.status, `${file}: ${JSON.stringify({ fields, params }).slice(0, 300)}`).toBeLessThan(500);
          const text = await response.text();
          expect(leaksInternals(text), `${file}: ${text.slice(0, 300)}`).toBe(false);
          tried++;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }),
        { numRuns: RUNS },
      );
      expect(await invalidStoredValues(db()), `${file} stored an invalid value`).toEqual([]);
    }
    expect(tried).toBeGreaterThanOrEqual(70 * RUNS);
    // the submissions get past the guards: validation errors (400) and saved forms (302) both happen
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(302) ?? 0).toBeGreaterThan(0);
  }, 3_600_000);
});
