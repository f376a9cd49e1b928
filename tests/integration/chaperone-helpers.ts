/** Shared set-up for the chaperone applicant tests: a council, chaperones, and a complete set of answers. */
import sharp from "sharp";
import type { SectionInput } from "~/domain/chaperones/saveApplicationSection";
import { saveApplicationSection } from "~/domain/chaperones/saveApplicationSection";
import { startChaperoneApplication } from "~/domain/chaperones/startChaperoneApplication";
import { addMonths } from "~/domain/chaperones/rules";
import type { Db } from "~/server/db.server";
import { actorFor, createAuthority, createUser } from "../factories";

export const BASE = "http://portal.test";

export async function setUpCouncil(db: Db) {
  const northmere = await createAuthority(db, { code: "NMC", name: "Northmere Council", postcodeDistricts: ["NM1", "NM2"] });
  const eastbrook = await createAuthority(db, { code: "EBC", name: "Eastbrook City Council", postcodeDistricts: ["EB1"] });
  return { northmere, eastbrook };
}

export async function createChaperone(db: Db, overrides: { name?: string; email?: string } = {}) {
  const user = await createUser(db, { name: overrides.name ?? "Casey Chaperone", email: overrides.email, memberships: [{ role: "chaperone" }] });
  return { user, actor: actorFor(user, [{ role: "chaperone" }]) };
}

export async function pngPhoto(width = 300, height = 400) {
  return sharp({ create: { width, height, channels: 3, background: { r: 120, g: 160, b: 200 } } })
    .png()
    .toBuffer();
}

/** Valid answers for every section, for an application made on `today`. */
export async function completeAnswers(today: string): Promise<SectionInput[]> {
  const photo = await pngPhoto();
  return [
    { section: "personal-details", firstName: "Casey", lastName: "Chaperone", otherNames: "", dateOfBirth: "1990-05-17", phone: "07700 900982" },
    { section: "address", addressLine1: "1 High Street", addressLine2: "", town: "Northmere", postcode: "nm12ab" },
    { section: "photo", photo: { bytes: photo, filename: "me.png" } },
    { section: "identity", documentTypes: ["passport", "utility-bill", "bank-statement"], scan: { bytes: photo, filename: "passport.png" } },
    { section: "dbs", dbsCertificateNumber: "0012 3456 7890", dbsIssueDate: addMonths(today, -1), dbsOnUpdateService: false },
    {
      section: "referees",
      referees: [
        { name: "Rita Referee", email: "rita@example.com", relationship: "Former manager" },
        { name: "Ravi Referee", email: "ravi@example.com", relationship: "Neighbour for 10 years" },
      ],
    },
    { section: "training", trainingDate: addMonths(today, -2), trainingProvider: "Northmere Council chaperone training" },
    { section: "declarations", hasConvictions: false, hasOtherCouncilDecisions: false, declarationConfirmed: true },
  ];
}

/** Starts an application and saves every section. */
export async function completeApplication(db: Db, actor: ReturnType<typeof actorFor>, today: string) {
  const { applicationId } = await startChaperoneApplication(db, actor);
  for (const input of await completeAnswers(today)) await saveApplicationSection(db, actor, input, { today });
  return applicationId;
}
