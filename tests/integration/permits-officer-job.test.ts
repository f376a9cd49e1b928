import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { issuedDocuments } from "#db/schema/documents";
import { publicStatus } from "~/domain/documents/states";
import { endPermitsAtSchoolLeaving, SCHOOL_LEAVING_REASON } from "~/domain/employment/endPermitsAtSchoolLeaving";
import { grantEmploymentPermit } from "~/domain/employment-officer.server";
import { auditFor, outboxFor } from "../factories";
import { useTestDatabase } from "../setup/db";
import { BASE, NOAH_LEAVES, NOW, permitRow, permitWorld } from "./permits-officer-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();

/** 06:00 in London (British Summer Time) on the day. */
const at = (day: string) => new Date(`${day}T05:00:00Z`);

describe("endPermitsAtSchoolLeaving (daily job, fixed clock)", () => {
  it("ends each granted permit the day after its last day, once however often it runs, audited as the system", async () => {
    const w = await permitWorld(db());
    const p = await w.permit();
    const { reference, documentId } = await grantEmploymentPermit(db(), w.officerN, p.id, {}, BASE, NOW);
    expect((await permitRow(db(), p.id)).endsOn).toBe(NOAH_LEAVES);
    const other = await w.permit({ status: "granted", endsOn: "2028-06-29" });
    // not granted: left alone; granted but with a later last day: ended later
    const waiting = await w.permit({ endsOn: "2028-06-01" });
    const revoked = await w.permit({ status: "revoked", endsOn: "2028-06-01" });
    const later = await w.permit({ status: "granted", endsOn: "2028-07-01" });

    expect((await endPermitsAtSchoolLeaving(db(), BASE, at("2028-06-30"))).ended).toEqual([other.id]);
    expect((await permitRow(db(), p.id)).status).toBe("granted");

    const first = await endPermitsAtSchoolLeaving(db(), BASE, at("2028-07-01"));
    expect(first.ended).toEqual([p.id]);
    const second = await endPermitsAtSchoolLeaving(db(), BASE, at("2028-07-01"));
    expect(second).toEqual({ ended: [], outboxIds: [] });
    // the next day only the permit whose last day was 1 July ends
    expect((await endPermitsAtSchoolLeaving(db(), BASE, at("2028-07-02"))).ended).toEqual([later.id]);

    expect(await permitRow(db(), p.id)).toMatchObject({ status: "ended", endsOn: NOAH_LEAVES, endedAt: at("2028-07-01"), endReason: SCHOOL_LEAVING_REASON });
    const ended = (await auditFor(db(), "employment-permit", p.id)).filter((e) => e.action === "employment-permit.ended");
    expect(ended.map((e) => [e.actorUserId, e.actorLabel])).toEqual([[null, "system"]]);
    expect(ended[0].after).toMatchObject({ status: "ended", endedOn: NOAH_LEAVES, by: "system" });

    // the employer and the parent are told once about each permit
    expect(first.outboxIds).toHaveLength(2);
    const toParent = (await outboxFor(db(), w.parentUser.email)).filter((m) => m.template === "permit-ended");
    expect(toParent.map((m) => (m.props as { reference: string }).reference)).toEqual([other.reference, reference, later.reference]);
    expect(toParent[1].props).toMatchObject({ cause: "school-leaving", endedOn: NOAH_LEAVES, audience: "parent" });
    expect((await outboxFor(db(), w.employerUser.email)).filter((m) => m.template === "permit-ended")).toHaveLength(3);

    // the signed permit is left valid in the register: its own dates make it expired now
    const [doc] = await db().select().from(issuedDocuments).where(eq(issuedDocuments.id, documentId));
    expect(doc.status).toBe("valid");
    expect(publicStatus(doc, "2028-07-01")).toBe("expired");

    for (const untouched of [waiting, revoked]) expect((await permitRow(db(), untouched.id)).status).toBe(untouched.status);
  });
});
