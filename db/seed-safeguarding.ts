import { and, eq } from "drizzle-orm";
import type { Actor } from "../app/domain/actor";
import { demoPhoto } from "../app/domain/documents/demoPhoto";
import { issueDocument } from "../app/domain/documents/issueDocument";
import type { Db } from "../app/server/db.server";
import { createProduction, createPerformanceApplication, createUsedShare, createUser } from "./factories";
import { children } from "./schema/children";

/**
 * A licensed chaperone (chaperone3@demo.example, Jordan Lee) booked for both days of Footlights' "Peter Pan", in
 * which the demo parent's son Noah is cast (the producer's part is under way): a parent can name them in a concern,
 * and a LADO referral holds the application. Separate from Charlie Chaperone, whom other journeys suspend.
 */
export async function seedDemoBooking(
  db: Db,
  officer: Actor,
  baseUrl: string,
  d: { authorityId: string; company: { id: string }; parent: { id: string }; producer: { id: string }; password: string },
) {
  const jordan = await createUser(db, { email: "chaperone3@demo.example", name: "Jordan Lee", password: d.password, memberships: [{ role: "chaperone" }] });
  const licence = await issueDocument(
    db,
    officer,
    {
      kind: "chaperone-licence",
      authorityId: d.authorityId,
      holder: { name: jordan.name, description: "Approved chaperone" },
      holderUserId: jordan.id,
      holderEmail: jordan.email,
      holderPhoto: demoPhoto("jordan"),
      validFrom: "2026-10-01",
      validTo: "2029-09-30",
      details: [
        { label: "Address", value: "Northmere (full address held by the council)" },
        { label: "Restrictions", value: "None" },
        { label: "Checks", value: "Enhanced DBS checked; two references; interview; safeguarding training" },
      ],
      conditions: ["Look after no more than 12 children at a time.", "Carry this approval and photo card when acting as a chaperone."],
    },
    baseUrl,
  );
  const [noah] = await db
    .select()
    .from(children)
    .where(and(eq(children.parentUserId, d.parent.id), eq(children.firstName, "Noah")));
  const peterPan = await createProduction(db, {
    organisationId: d.company.id,
    hostAuthorityId: d.authorityId,
    createdByUserId: d.producer.id,
    title: "Peter Pan",
    kind: "theatre",
    paid: true,
    venueName: "Northmere Playhouse",
    venuePostcode: "NM1 1AA",
    firstDate: "2027-02-13",
    lastDate: "2027-02-14",
  });
  const share = await createUsedShare(db, { childId: noah.id, productionId: peterPan.id, parentUserId: d.parent.id, usedByUserId: d.producer.id });
  await createPerformanceApplication(
    db,
    { authorityId: d.authorityId, organisationId: d.company.id, productionId: peterPan.id, childId: noah.id, shareId: share.id, status: "draft", schoolId: noah.schoolId },
    [
      { date: "2027-02-13", chaperone: "chaperone", chaperoneDocumentId: licence.id },
      { date: "2027-02-14", chaperone: "chaperone", chaperoneDocumentId: licence.id },
    ],
  );
  return { licence };
}
