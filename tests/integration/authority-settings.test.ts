import { describe, expect, it } from "vitest";
import { ForbiddenError, RuleError } from "~/domain/errors";
import { getAuthoritySettings } from "~/domain/settings/getAuthoritySettings";
import { updateAuthoritySettings } from "~/domain/settings/updateAuthoritySettings";
import { licenceYears } from "~/domain/chaperones/officerScope";
import { withLocalLimits } from "~/domain/employment/localLimits";
import { checkEmployment } from "~/domain/employment/rules";
import { actorFor, auditFor, createAuthority, createUser } from "../factories";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
/** SCHOOL-DEADLINE and asking the school only when school is missed. */
const SCHOOL_DEFAULTS = {
  schoolResponseWorkingDays: 5,
  consultSchoolAlways: false,
  employmentLatest: null,
  employmentSchoolStarts: "08:45",
  employmentSchoolEnds: "15:15",
  closureDays: [],
  licenceDecisionTargetWorkingDays: 10,
  escalationEmail: null,
};

describe("authority settings", () => {
  it("defaults to 3-year chaperone approvals; an admin changes it, audited, and grants use it", async () => {
    const a = await createAuthority(db());
    const admin = actorFor(await createUser(db(), { name: "Ada Admin" }), [{ role: "admin", authorityId: a.id }]);
    expect(await getAuthoritySettings(db(), a.id)).toEqual({ chaperoneLicenceYears: 3, exemptAbsenceAllowed: false, exemptBroadcastAllowed: false, bopaMaxMonths: 12, ...SCHOOL_DEFAULTS });
    await updateAuthoritySettings(db(), admin, a.id, { chaperoneLicenceYears: 2 });
    expect(await licenceYears(db(), a.id)).toBe(2);
    await updateAuthoritySettings(db(), admin, a.id, { chaperoneLicenceYears: 1 });
    expect(await licenceYears(db(), a.id)).toBe(1);
    const audit = await auditFor(db(), "authority", a.id);
    expect(audit.map((e) => [e.action, e.before, e.after])).toEqual([
      ["authority.settings-changed", { chaperoneLicenceYears: 3 }, { chaperoneLicenceYears: 2 }],
      ["authority.settings-changed", { chaperoneLicenceYears: 2 }, { chaperoneLicenceYears: 1 }],
    ]);
  });

  it("an admin allows absence and broadcast under the four-day rule and shortens BOPAs, audited; other settings keep their values", async () => {
    const a = await createAuthority(db());
    const b = await createAuthority(db());
    const admin = actorFor(await createUser(db(), { name: "Ada Admin" }), [{ role: "admin", authorityId: a.id }]);
    await updateAuthoritySettings(db(), admin, a.id, { chaperoneLicenceYears: 2 });
    await updateAuthoritySettings(db(), admin, a.id, { exemptAbsenceAllowed: true, exemptBroadcastAllowed: true, bopaMaxMonths: 6 });
    expect(await getAuthoritySettings(db(), a.id)).toEqual({ chaperoneLicenceYears: 2, exemptAbsenceAllowed: true, exemptBroadcastAllowed: true, bopaMaxMonths: 6, ...SCHOOL_DEFAULTS });
    // another council keeps the defaults
    expect(await getAuthoritySettings(db(), b.id)).toEqual({ chaperoneLicenceYears: 3, exemptAbsenceAllowed: false, exemptBroadcastAllowed: false, bopaMaxMonths: 12, ...SCHOOL_DEFAULTS });
    await updateAuthoritySettings(db(), admin, a.id, { exemptBroadcastAllowed: false });
    expect(await getAuthoritySettings(db(), a.id)).toMatchObject({ exemptAbsenceAllowed: true, exemptBroadcastAllowed: false, bopaMaxMonths: 6 });
    const audit = await auditFor(db(), "authority", a.id);
    expect(audit.slice(1).map((e) => [e.actorLabel, e.before, e.after])).toEqual([
      [
        "Ada Admin",
        { exemptAbsenceAllowed: false, exemptBroadcastAllowed: false, bopaMaxMonths: 12 },
        { exemptAbsenceAllowed: true, exemptBroadcastAllowed: true, bopaMaxMonths: 6 },
      ],
      ["Ada Admin", { exemptBroadcastAllowed: true }, { exemptBroadcastAllowed: false }],
    ]);
  });

  it("only that authority's admin may change it, to an allowed value", async () => {
    const a = await createAuthority(db());
    const b = await createAuthority(db());
    const adminB = actorFor(await createUser(db()), [{ role: "admin", authorityId: b.id }]);
    const officerA = actorFor(await createUser(db()), [{ role: "officer", authorityId: a.id }]);
    const adminA = actorFor(await createUser(db()), [{ role: "admin", authorityId: a.id }]);
    await expect(updateAuthoritySettings(db(), adminB, a.id, { chaperoneLicenceYears: 2 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateAuthoritySettings(db(), officerA, a.id, { exemptAbsenceAllowed: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateAuthoritySettings(db(), adminA, a.id, { chaperoneLicenceYears: 7 })).rejects.toBeInstanceOf(RuleError);
    await expect(updateAuthoritySettings(db(), adminA, a.id, { bopaMaxMonths: 24 })).rejects.toMatchObject({ fieldErrors: { bopaMaxMonths: ["Select the longest period a BOPA can cover"] } });
    expect(await getAuthoritySettings(db(), a.id)).toEqual({ chaperoneLicenceYears: 3, exemptAbsenceAllowed: false, exemptBroadcastAllowed: false, bopaMaxMonths: 12, ...SCHOOL_DEFAULTS });
    expect(await auditFor(db(), "authority", a.id)).toEqual([]);
  });

  it("an admin gives schools 10 working days to answer and asks them about every application", async () => {
    const a = await createAuthority(db());
    const admin = actorFor(await createUser(db(), { name: "Ada Admin" }), [{ role: "admin", authorityId: a.id }]);
    await expect(updateAuthoritySettings(db(), admin, a.id, { schoolResponseWorkingDays: 4 })).rejects.toMatchObject({
      fieldErrors: { schoolResponseWorkingDays: ["Select how many working days a school has to answer"] },
    });
    await updateAuthoritySettings(db(), admin, a.id, { schoolResponseWorkingDays: 10, consultSchoolAlways: true });
    expect(await getAuthoritySettings(db(), a.id)).toMatchObject({ schoolResponseWorkingDays: 10, consultSchoolAlways: true });
    const [event] = await auditFor(db(), "authority", a.id);
    expect(event.after).toEqual({ schoolResponseWorkingDays: 10, consultSchoolAlways: true });
  });

  it("lets an admin tighten children's latest working time and set the school day, which the permit checks then use", async () => {
    const a = await createAuthority(db());
    const admin = actorFor(await createUser(db(), { name: "Ada Admin" }), [{ role: "admin", authorityId: a.id }]);
    await expect(updateAuthoritySettings(db(), admin, a.id, { employmentLatest: "20:00" })).rejects.toMatchObject({
      fieldErrors: { employmentLatest: ["Select the latest time children may work"] },
    });
    await expect(updateAuthoritySettings(db(), admin, a.id, { employmentSchoolStarts: "09:00", employmentSchoolEnds: "08:30" })).rejects.toMatchObject({
      fieldErrors: { employmentSchoolEnds: ["The time school ends must be after the time it starts"] },
    });
    const evening = { child: { dateOfBirth: "2012-03-10" }, occupation: "shop-work" as const, shifts: [{ date: "2026-06-13", start: "16:00", end: "18:30", dayType: "saturday" as const }] };
    expect(checkEmployment(evening, await withLocalLimits(db(), a.id)).ok).toBe(true);
    await updateAuthoritySettings(db(), admin, a.id, { employmentLatest: "18:00", employmentSchoolStarts: "09:00", employmentSchoolEnds: "15:00" });
    const local = await withLocalLimits(db(), a.id, { cwsa2026From: null });
    expect(local).toEqual({ cwsa2026From: null, local: { latest: "18:00", schoolStarts: "09:00", schoolEnds: "15:00" } });
    expect(checkEmployment(evening, local).findings).toEqual([expect.objectContaining({ rule: "EMPLOY-LATEST", limit: "18:00", actual: "18:30" })]);
  });

  it("keeps the council's closure days, sorted, and refuses anything that is not a date", async () => {
    const a = await createAuthority(db());
    const admin = actorFor(await createUser(db(), { name: "Ada Admin" }), [{ role: "admin", authorityId: a.id }]);
    await expect(updateAuthoritySettings(db(), admin, a.id, { closureDays: ["29/12/2026"] })).rejects.toMatchObject({
      fieldErrors: { closureDays: ["Enter each closure day like 24/12/2026"] },
    });
    await updateAuthoritySettings(db(), admin, a.id, { closureDays: ["2026-12-29", "2026-12-30"] });
    expect((await getAuthoritySettings(db(), a.id)).closureDays).toEqual(["2026-12-29", "2026-12-30"]);
  });
});
