import { eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { children, performanceDays } from "#db/schema/children";
import { loadOwnChild } from "~/domain/children/access";
import { addChild } from "~/domain/children/addChild";
import { changeChildDetails } from "~/domain/children/changeChildDetails";
import type { ChildDetailsInput } from "~/domain/children/childDetails";
import { getChildFile } from "~/domain/children/getChildFile";
import { getMyChild } from "~/domain/children/getMyChild";
import { listMyChildren } from "~/domain/children/listMyChildren";
import { reportPerformanceDay } from "~/domain/children/reportPerformanceDay";
import { storeChildUploads } from "~/domain/children/storeChildUploads";
import { ForbiddenError, NotFoundError, } from "~/domain/errors";
import { listChildPerformanceDays } from "~/domain/exemptions/listChildPerformanceDays";
import { actorFor, auditFor, createAuthority, createSchool, createUser } from "../factories";
import { useTestDatabase } from "../setup/db";
import { ruleErrors } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
/** A fixed clock: Monday 23 November 2026, 10:00 in London. */
const NOW = new Date("2026-11-23T10:00:00Z");

async function png() {
  return sharp({ create: { width: 300, height: 400, channels: 3, background: { r: 120, g: 160, b: 200 } } })
    .png()
    .toBuffer();
}

async function world() {
  const northmere = await createAuthority(db(), { code: "NMC", name: "Northmere Council", postcodeDistricts: ["NM1", "NM2"] });
  const eastbrook = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council", postcodeDistricts: ["EB1"] });
  const school = await createSchool(db(), { authorityId: northmere.id, name: "Northmere Primary School" });
  const parentUser = await createUser(db(), { name: "Priya Parent" });
  const parent = actorFor(parentUser, [{ role: "parent" }]);
  const otherParent = actorFor(await createUser(db(), { name: "Other Parent" }), [{ role: "parent" }]);
  const producer = actorFor(await createUser(db(), { name: "Pete Producer" }), [{ role: "producer", organisationId: null }]);
  return { northmere, eastbrook, school, parent, otherParent, producer };
}

type World = Awaited<ReturnType<typeof world>>;

/** Stores a photograph and a birth certificate as the parent's form does, and returns a complete, valid input. */
async function validInput(w: World, overrides: Partial<ChildDetailsInput> = {}, actor = w.parent): Promise<ChildDetailsInput> {
  const image = await png();
  const { stored } = await storeChildUploads(db(), actor, { photo: { bytes: image, filename: "amelia.png" }, birthCertificate: { bytes: image, filename: "certificate.png" } });
  return {
    firstName: " Amelia ",
    lastName: "Example",
    dateOfBirth: "2015-05-01",
    addressLine1: "1 High Street",
    addressLine2: "",
    town: "Northmere",
    postcode: "nm12ab",
    school: "listed",
    schoolId: w.school.id,
    photoUploadId: stored.photo!.id,
    photoTakenOn: "2026-10-01",
    birthCertificateUploadId: stored.birthCertificate!.id,
    ...overrides,
  };
}

describe("addChild", () => {
  it("saves the child once, with the home authority from the postcode, the school and the uploads, and audits it", async () => {
    const w = await world();
    const { childId } = await addChild(db(), w.parent, await validInput(w), NOW);
    const [row] = await db().select().from(children).where(eq(children.id, childId));
    expect(row).toMatchObject({
      parentUserId: w.parent.userId,
      firstName: "Amelia",
      lastName: "Example",
      postcode: "NM1 2AB",
      homeAuthorityId: w.northmere.id,
      schoolId: w.school.id,
      schoolName: null,
      photoTakenOn: "2026-10-01",
    });
    expect(row.photoUploadId).toBeTruthy();
    expect(row.birthCertificateUploadId).toBeTruthy();
    expect((await auditFor(db(), "child", childId)).map((a) => a.action)).toEqual(["child.added"]);
    expect(await listMyChildren(db(), w.parent, NOW)).toEqual([{ id: childId, name: "Amelia Example", firstName: "Amelia", age: 11, school: "Northmere Primary School" }]);
    expect(await listMyChildren(db(), w.otherParent, NOW)).toEqual([]);
  });

  it("asks for the council when no postcode district matches, and uses the one picked", async () => {
    const w = await world();
    const input = await validInput(w, { postcode: "ZZ9 9ZZ" });
    expect(await ruleErrors(addChild(db(), w.parent, input, NOW))).toEqual({ authorityId: ["Select the council where the child lives"] });
    const { childId } = await addChild(db(), w.parent, { ...input, authorityId: w.eastbrook.id }, NOW);
    expect((await loadOwnChild(db(), w.parent, childId)).homeAuthorityId).toBe(w.eastbrook.id);
    // A picked council never overrides the postcode.
    const matched = await addChild(db(), w.parent, { ...(await validInput(w, { firstName: "Oliver" })), authorityId: w.eastbrook.id }, NOW);
    expect((await loadOwnChild(db(), w.parent, matched.childId)).homeAuthorityId).toBe(w.northmere.id);
  });

  it("records a school not on the list, or education at home", async () => {
    const w = await world();
    const notListed = await addChild(db(), w.parent, await validInput(w, { school: "not-listed", schoolId: w.school.id, schoolName: "  Hilltop   Academy " }), NOW);
    expect(await loadOwnChild(db(), w.parent, notListed.childId)).toMatchObject({ schoolId: null, schoolName: "Hilltop Academy" });
    const home = await addChild(db(), w.parent, await validInput(w, { firstName: "Oliver", school: "home" }), NOW);
    expect((await getMyChild(db(), w.parent, home.childId, NOW)).child).toMatchObject({ schoolId: null, school: "Educated at home", schoolChoice: "home" });
  });

  it("reports every problem at once against the form's fields", async () => {
    const w = await world();
    const errors = await ruleErrors(
      addChild(
        db(),
        w.parent,
        {
          firstName: "",
          lastName: " ",
          dateOfBirth: "2026-11-24",
          addressLine1: "",
          town: "",
          postcode: "not a postcode",
          school: "listed",
          schoolId: "not-a-uuid",
          photoTakenOn: "2026-12-01",
        },
        NOW,
      ),
    );
    expect(errors).toEqual({
      firstName: ["Enter the child's first name"],
      lastName: ["Enter the child's last name"],
      dateOfBirthDay: ["The date of birth must be today or in the past"],
      addressLine1: ["Enter address line 1, typically the building and street"],
      town: ["Enter town or city"],
      postcode: ["Enter a full UK postcode, like NM1 2AB"],
      schoolId: ["Select the child's school"],
      photo: ["Upload a photograph of the child"],
      photoTakenOnDay: ["The date the photograph was taken must be today or in the past"],
      birthCertificate: ["Upload a copy of the child's birth certificate"],
    });
    expect(await db().select().from(children)).toEqual([]);
  });

  it("adds each child once: the same name and date of birth again is refused, though another parent may", async () => {
    const w = await world();
    await addChild(db(), w.parent, await validInput(w), NOW);
    expect(await ruleErrors(addChild(db(), w.parent, await validInput(w, { firstName: "AMELIA", lastName: "example" }), NOW))).toEqual({
      firstName: ["You have already added AMELIA example"],
    });
    await expect(addChild(db(), w.otherParent, await validInput(w, {}, w.otherParent), NOW)).resolves.toHaveProperty("childId");
    await expect(addChild(db(), w.parent, await validInput(w, { dateOfBirth: "2016-05-01" }), NOW)).resolves.toHaveProperty("childId");
  });

  it("refuses anyone 18 or over, and takes a child who is 17", async () => {
    const w = await world();
    expect(await ruleErrors(addChild(db(), w.parent, await validInput(w, { dateOfBirth: "2008-11-23" }), NOW))).toEqual({ dateOfBirthDay: ["The child must be under 18"] });
    await expect(addChild(db(), w.parent, await validInput(w, { dateOfBirth: "2008-11-24" }), NOW)).resolves.toHaveProperty("childId");
  });

  it("does not accept another person's upload, or an upload made for something else", async () => {
    const w = await world();
    const theirs = await validInput(w, {}, w.otherParent);
    const errors = await ruleErrors(addChild(db(), w.parent, await validInput(w, { photoUploadId: theirs.photoUploadId, birthCertificateUploadId: theirs.photoUploadId }), NOW));
    expect(errors).toEqual({ photo: ["Upload a photograph of the child"], birthCertificate: ["Upload a copy of the child's birth certificate"] });
  });

  it("is for parents only", async () => {
    const w = await world();
    await expect(addChild(db(), w.producer, await validInput(w, {}), NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(storeChildUploads(db(), w.producer, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("storeChildUploads", () => {
  it("keeps the good file and reports the bad one against its field", async () => {
    const w = await world();
    const { stored, errors } = await storeChildUploads(db(), w.parent, {
      photo: { bytes: await png(), filename: "me.png" },
      birthCertificate: { bytes: Buffer.from(`MZ${"\0".repeat(100)}`), filename: "certificate.pdf" },
    });
    expect(stored.photo?.filename).toBe("me.png");
    expect(stored.birthCertificate).toBeUndefined();
    expect(errors).toEqual({ birthCertificate: ["The selected file must be a JPG, PNG or PDF"] });
  });
});

describe("changeChildDetails", () => {
  it("changes the details, keeps the files on file unless replaced, and audits what changed", async () => {
    const w = await world();
    const input = await validInput(w);
    const { childId } = await addChild(db(), w.parent, input, NOW);
    const before = await loadOwnChild(db(), w.parent, childId);
    const { changed } = await changeChildDetails(
      db(),
      w.parent,
      childId,
      { ...input, photoUploadId: null, birthCertificateUploadId: null, firstName: "Amy", postcode: "EB1 1AA" },
      NOW,
    );
    expect(changed.sort()).toEqual(["firstName", "homeAuthorityId", "postcode"]);
    const after = await loadOwnChild(db(), w.parent, childId);
    expect(after).toMatchObject({ firstName: "Amy", homeAuthorityId: w.eastbrook.id, photoUploadId: before.photoUploadId, birthCertificateUploadId: before.birthCertificateUploadId });
    const audit = await auditFor(db(), "child", childId);
    expect(audit.map((a) => a.action)).toEqual(["child.added", "child.changed"]);
    expect(audit[1].before).toMatchObject({ firstName: "Amelia", postcode: "NM1 2AB" });
    expect(audit[1].after).toMatchObject({ firstName: "Amy", postcode: "EB1 1AA" });
  });

  it("is not found for another parent, who changes nothing", async () => {
    const w = await world();
    const input = await validInput(w);
    const { childId } = await addChild(db(), w.parent, input, NOW);
    await expect(changeChildDetails(db(), w.otherParent, childId, { ...input, firstName: "Hacked" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect((await loadOwnChild(db(), w.parent, childId)).firstName).toBe("Amelia");
  });
});

describe("a parent's child is theirs alone", () => {
  it("another parent, a producer and a malformed id get not found for the child, its files and its record", async () => {
    const w = await world();
    const { childId } = await addChild(db(), w.parent, await validInput(w), NOW);
    expect((await getChildFile(db(), w.parent, childId, "photo")).contentType).toBe("image/png");
    for (const actor of [w.otherParent, w.producer]) {
      await expect(loadOwnChild(db(), actor, childId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getMyChild(db(), actor, childId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getChildFile(db(), actor, childId, "photo")).rejects.toBeInstanceOf(NotFoundError);
      await expect(getChildFile(db(), actor, childId, "birth-certificate")).rejects.toBeInstanceOf(NotFoundError);
      await expect(listChildPerformanceDays(db(), actor, childId)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getMyChild(db(), w.parent, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("reportPerformanceDay", () => {
  it("adds a day from elsewhere to the child's record, which the four-day rule counts, and audits it", async () => {
    const w = await world();
    const { childId } = await addChild(db(), w.parent, await validInput(w), NOW);
    await reportPerformanceDay(db(), w.parent, childId, { date: "2026-09-12", productionTitle: " Oliver! ", organiserName: "Hilltop Players" }, NOW);
    const [day] = await db().select().from(performanceDays).where(eq(performanceDays.childId, childId));
    expect(day).toMatchObject({ date: "2026-09-12", kind: "performance", basis: "reported-by-parent", productionTitle: "Oliver!", organiserName: "Hilltop Players", recordedByUserId: w.parent.userId });
    expect((await listChildPerformanceDays(db(), w.parent, childId)).map((d) => [d.date, d.basis])).toEqual([["2026-09-12", "reported-by-parent"]]);
    expect((await auditFor(db(), "child", childId)).map((a) => a.action)).toEqual(["child.added", "child.performance-day-reported"]);
  });

  it("refuses a date in the future or before the child was born, and blank names", async () => {
    const w = await world();
    const { childId } = await addChild(db(), w.parent, await validInput(w), NOW);
    expect(await ruleErrors(reportPerformanceDay(db(), w.parent, childId, { date: "2026-11-24", productionTitle: "", organiserName: " " }, NOW))).toEqual({
      dateDay: ["The date of the performance must be today or in the past"],
      productionTitle: ["Enter the name of the production or show"],
      organiserName: ["Enter who organised it"],
    });
    expect(await ruleErrors(reportPerformanceDay(db(), w.parent, childId, { date: "2014-01-01", productionTitle: "A", organiserName: "B" }, NOW))).toEqual({
      dateDay: ["The date of the performance must be after the child's date of birth"],
    });
    await expect(reportPerformanceDay(db(), w.otherParent, childId, { date: "2026-09-12", productionTitle: "A", organiserName: "B" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().select().from(performanceDays)).toEqual([]);
  });
});
