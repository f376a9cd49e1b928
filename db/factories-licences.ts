/** Factories for performance licences: an authority's school terms, and chaperone approvals in the register. */
import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { formatReference } from "../app/domain/documents/kinds";
import { nextSequence } from "../app/domain/documents/nextSequence";
import { initials } from "../app/domain/documents/states";
import type { Db } from "../app/server/db.server";
import { createChild, createPerformanceApplication, createProduction, createUsedShare, createUser } from "./factories";
import { minimalPdf } from "./factories-bopa";
import { authorities } from "./schema/authorities";
import { type DocumentStatus, issuedDocuments } from "./schema/documents";
import { termDates } from "./schema/licences";

/**
 * DEMO DEFAULT, not any council's published dates: the usual shape of the 2026/27 school year in England
 * (six half-terms, Easter 2027 falling on 28 March), for the demo and tests. Each authority's admin replaces
 * them with its own under Administration → School term dates.
 */
export const DEMO_TERMS_2026_27 = [
  { name: "Autumn term 1", startDate: "2026-09-02", endDate: "2026-10-23" },
  { name: "Autumn term 2", startDate: "2026-11-02", endDate: "2026-12-18" },
  { name: "Spring term 1", startDate: "2027-01-05", endDate: "2027-02-12" },
  { name: "Spring term 2", startDate: "2027-02-22", endDate: "2027-03-25" },
  { name: "Summer term 1", startDate: "2027-04-12", endDate: "2027-05-28" },
  { name: "Summer term 2", startDate: "2027-06-07", endDate: "2027-07-21" },
] as const;

/** Puts the demo 2026/27 terms (DEMO_TERMS_2026_27) in an authority's term dates. */
export async function createTermDates2026(db: Db, authorityId: string) {
  return db
    .insert(termDates)
    .values(DEMO_TERMS_2026_27.map((t) => ({ ...t, authorityId })))
    .returning();
}

/**
 * A chaperone approval in the register of `authorityId` (an unsigned placeholder PDF: enough for lookups),
 * valid 2026-09-01 to 2029-08-31 unless told otherwise.
 */
export async function createChaperoneApproval(
  db: Db,
  overrides: { authorityId: string; holderName?: string; holderUserId?: string | null; validFrom?: string; validTo?: string; status?: DocumentStatus },
) {
  const [authority] = await db.select().from(authorities).where(eq(authorities.id, overrides.authorityId));
  const year = 2026;
  const sequence = await nextSequence(db, authority.id, "chaperone-licence", year);
  const holderName = overrides.holderName ?? `Chaperone ${sequence}`;
  const [doc] = await db
    .insert(issuedDocuments)
    .values({
      authorityId: authority.id,
      kind: "chaperone-licence",
      reference: formatReference(authority.code, "chaperone-licence", year, sequence),
      year,
      sequence,
      holderName,
      holderInitials: initials(holderName),
      holderUserId: overrides.holderUserId ?? null,
      validFrom: overrides.validFrom ?? "2026-09-01",
      validTo: overrides.validTo ?? "2029-08-31",
      status: overrides.status ?? "valid",
      sha256: createHash("sha256").update(randomUUID()).digest("hex"),
      pdf: minimalPdf("chaperone approval"),
      signerFingerprint: "test",
      specimen: true,
      issuedByName: "Test Officer",
      issuedByRole: "Licensing officer",
      content: {},
    })
    .returning();
  return doc;
}

/**
 * A production with a cast of `size` children living in `authorityId`, each with a submitted performance licence
 * application ready to grant (two evening performances with the parent as chaperone), for the bulk grant, its
 * benchmark, its fault test and the demo. Children are "Child{n} Cast" unless `names` are given; application
 * references are numbered from `firstNumber` (1) unless `nextReference` gives them.
 */
export async function createProductionCast(
  db: Db,
  input: {
    authorityId: string;
    organisationId: string;
    producerUserId: string;
    size: number;
    title?: string;
    dates?: string[];
    firstNumber?: number;
    names?: [string, string][];
    nextReference?: () => Promise<string>;
    submittedAt?: Date;
  },
) {
  const submittedAt = input.submittedAt ?? new Date("2027-01-20T09:00:00Z");
  const production = await createProduction(db, {
    organisationId: input.organisationId,
    hostAuthorityId: input.authorityId,
    createdByUserId: input.producerUserId,
    title: input.title ?? "Cinderella",
    kind: "theatre",
  });
  const [authority] = await db.select({ code: authorities.code }).from(authorities).where(eq(authorities.id, input.authorityId));
  const dates = input.dates ?? ["2027-03-06", "2027-03-07"];
  const applications = [];
  const first = input.firstNumber ?? 1;
  for (let i = 0; i < input.size; i++) {
    const n = first + i;
    const [firstName, lastName] = input.names?.[i] ?? [`Child${n}`, "Cast"];
    const parent = await createUser(db, { name: `Parent of ${firstName} ${lastName}`, memberships: [{ role: "parent" }] });
    const child = await createChild(db, { parentUserId: parent.id, homeAuthorityId: input.authorityId, firstName, lastName });
    const share = await createUsedShare(db, { childId: child.id, productionId: production.id, parentUserId: parent.id, usedByUserId: input.producerUserId });
    applications.push(
      await createPerformanceApplication(
        db,
        {
          productionId: production.id,
          organisationId: input.organisationId,
          childId: child.id,
          shareId: share.id,
          authorityId: input.authorityId,
          status: "submitted",
          reference: input.nextReference ? await input.nextReference() : `${authority.code}-PA-2027-${String(n).padStart(6, "0")}`,
          submittedAt,
          paid: false,
          hasHealthConditions: false,
          hasOtherCouncilDecisions: false,
          consentName: `Parent of ${firstName} ${lastName}`,
          producerPartCompletedAt: submittedAt,
          parentPartCompletedAt: submittedAt,
        },
        dates.map((date) => ({ date, chaperone: "parent" })),
      ),
    );
  }
  return { production, applications };
}
