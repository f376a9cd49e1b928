import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { childInvitations, childShares, productions } from "#db/schema/children";
import { listCast, loadCastChild } from "~/domain/children/access";
import { acceptChildInvitation } from "~/domain/children/acceptChildInvitation";
import { createShareCode } from "~/domain/children/createShareCode";
import { describeChildInvitation } from "~/domain/children/describeChildInvitation";
import { getMyChild } from "~/domain/children/getMyChild";
import { revokeChildShare } from "~/domain/children/revokeChildShare";
import { SHARE_CODE_ALPHABET } from "~/domain/children/rules";
import { LinkExpiredError, NotFoundError, ForbiddenError, } from "~/domain/errors";
import { createProduction as createProductionVerb } from "~/domain/productions/createProduction";
import { getProduction } from "~/domain/productions/getProduction";
import { inviteParent } from "~/domain/productions/inviteParent";
import { listMyProductions } from "~/domain/productions/listMyProductions";
import { redeemShareCode } from "~/domain/productions/redeemShareCode";
import {
  actorFor,
  auditFor,
  createAuthority,
  createChild,
  createOrganisation,
  createProduction,
  createUser,
  outboxFor,
  tokenFromUrl,
} from "../factories";
import { useTestDatabase } from "../setup/db";
import { ruleErrors } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
/** A fixed clock: Monday 23 November 2026, 10:00 in London. */
const NOW = new Date("2026-11-23T10:00:00Z");
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

async function world() {
  const northmere = await createAuthority(db(), { code: "NMC", name: "Northmere Council", postcodeDistricts: ["NM1"] });
  const eastbrook = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council", postcodeDistricts: ["EB1"] });
  const company = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const rival = await createOrganisation(db(), { kind: "producer", name: "Rival Stage Ltd" });
  const parentUser = await createUser(db(), { name: "Priya Parent", email: "priya@example.com" });
  const parent = actorFor(parentUser, [{ role: "parent" }]);
  const otherParent = actorFor(await createUser(db(), { name: "Other Parent" }), [{ role: "parent" }]);
  const producerUser = await createUser(db(), { name: "Pete Producer" });
  const producer = actorFor(producerUser, [{ role: "producer", organisationId: company.id }]);
  const rivalProducer = actorFor(await createUser(db(), { name: "Rita Rival" }), [{ role: "producer", organisationId: rival.id }]);
  const child = await createChild(db(), { parentUserId: parentUser.id, homeAuthorityId: eastbrook.id, firstName: "Amelia", lastName: "Example", dateOfBirth: "2015-05-01" });
  const production = await createProduction(db(), { organisationId: company.id, hostAuthorityId: northmere.id, createdByUserId: producerUser.id, title: "Annie", firstDate: "2027-03-01" });
  return { northmere, eastbrook, company, rival, parent, otherParent, producer, rivalProducer, child, production };
}

type World = Awaited<ReturnType<typeof world>>;

const codeError = async (promise: Promise<unknown>) => (await ruleErrors(promise)).code;

describe("createProduction", () => {
  const input = (w: World, overrides = {}) => ({
    organisationId: w.company.id,
    title: " Peter Pan ",
    kind: "theatre",
    paid: false,
    broadcast: true,
    venueName: "Northmere Playhouse",
    venuePostcode: "nm1 1aa",
    firstDate: "2027-04-01",
    lastDate: "2027-04-10",
    ...overrides,
  });

  it("records the production with the host authority from the venue's postcode, and audits it", async () => {
    const w = await world();
    const { productionId } = await createProductionVerb(db(), w.producer, input(w), NOW);
    const [row] = await db().select().from(productions).where(eq(productions.id, productionId));
    expect(row).toMatchObject({ title: "Peter Pan", venuePostcode: "NM1 1AA", hostAuthorityId: w.northmere.id, broadcast: true, paid: false, createdByUserId: w.producer.userId });
    expect((await auditFor(db(), "production", productionId)).map((a) => a.action)).toEqual(["production.created"]);
    expect((await listMyProductions(db(), w.producer)).map((p) => [p.title, p.children])).toEqual([
      ["Annie", 0],
      ["Peter Pan", 0],
    ]);
    expect(await listMyProductions(db(), w.rivalProducer)).toEqual([]);
  });

  it("asks for the council when the postcode doesn't say, and checks the dates and type", async () => {
    const w = await world();
    expect(await ruleErrors(createProductionVerb(db(), w.producer, input(w, { venuePostcode: "ZZ1 1ZZ", kind: "circus", lastDate: "2027-03-31" }), NOW))).toEqual({
      kind: ["Select the type of production"],
      hostAuthorityId: ["Select the council where the venue is"],
      lastDateDay: ["The last date must be the same as or after the first date"],
    });
    const { productionId } = await createProductionVerb(db(), w.producer, input(w, { venuePostcode: "ZZ1 1ZZ", hostAuthorityId: w.eastbrook.id }), NOW);
    expect((await getProduction(db(), w.producer, productionId)).production.hostAuthorityName).toBe("Eastbrook City Council");
  });

  it("is only for producers of the organisation", async () => {
    const w = await world();
    await expect(createProductionVerb(db(), w.rivalProducer, input(w), NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createProductionVerb(db(), w.parent, input(w), NOW)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("share codes", () => {
  it("a code is shown once: only its hash and last 3 characters are stored, and it expires after 14 days", async () => {
    const w = await world();
    const { code, shareId, expiresAt } = await createShareCode(db(), w.parent, w.child.id, NOW);
    expect(code).toMatch(new RegExp(`^[${SHARE_CODE_ALPHABET}]{4}-[${SHARE_CODE_ALPHABET}]{4}$`));
    expect(code).not.toMatch(/[01OIL]/);
    expect(expiresAt).toEqual(later(14));
    const [row] = await db().select().from(childShares).where(eq(childShares.id, shareId));
    expect(row.codeHash).toBe(createHash("sha256").update(code.replace("-", "")).digest("hex"));
    expect(row.codeHint).toBe(code.slice(-3));
    expect(JSON.stringify(row)).not.toContain(code.replace("-", ""));
    expect(JSON.stringify(await auditFor(db()))).not.toContain(code.replace("-", ""));
    expect((await getMyChild(db(), w.parent, w.child.id, NOW)).codes.map((c) => c.codeHint)).toEqual([code.slice(-3)]);
    await expect(createShareCode(db(), w.otherParent, w.child.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a producer redeems it (any case, spaces, no dash): the child joins the cast, the parent is emailed, and the code can't be used again", async () => {
    const w = await world();
    const { code, shareId } = await createShareCode(db(), w.parent, w.child.id, NOW);
    const typed = ` ${code.replace("-", "").toLowerCase().slice(0, 4)} ${code.slice(-4).toLowerCase()} `;
    const result = await redeemShareCode(db(), w.producer, w.production.id, typed, BASE, later(1));
    expect(result).toMatchObject({ childId: w.child.id, childFirstName: "Amelia" });

    const [row] = await db().select().from(childShares).where(eq(childShares.id, shareId));
    expect(row).toMatchObject({ productionId: w.production.id, usedAt: later(1), usedByUserId: w.producer.userId, revokedAt: null });
    const { cast } = await getProduction(db(), w.producer, w.production.id);
    expect(cast).toEqual([{ id: w.child.id, name: "Amelia Example", ageOnFirstDate: 11, homeAuthorityName: "Eastbrook City Council", sharedAt: later(1).toISOString() }]);
    expect((await auditFor(db(), "child", w.child.id)).map((a) => a.action)).toEqual(["child.share-code-created", "child.share-code-used"]);

    const [mail] = await outboxFor(db(), "priya@example.com");
    expect(mail.template).toBe("child-shared");
    expect(mail.props).toEqual({
      name: "Priya Parent",
      childFirstName: "Amelia",
      organisationName: "Footlights Productions Ltd",
      productionTitle: "Annie",
      url: `${BASE}/children/${w.child.id}`,
    });
    expect((await getMyChild(db(), w.parent, w.child.id, later(1))).sharedWith).toMatchObject([{ productionTitle: "Annie", organisationName: "Footlights Productions Ltd" }]);

    // One production only: not again, and not for the same company's next show.
    expect(await codeError(redeemShareCode(db(), w.producer, w.production.id, code, BASE, later(2)))).toEqual([
      "This share code has already been used. Each code works for one production only, so ask the child's parent for a new one",
    ]);
    const sequel = await createProduction(db(), { organisationId: w.company.id, hostAuthorityId: w.northmere.id, createdByUserId: w.producer.userId!, title: "Annie 2" });
    await expect(codeError(redeemShareCode(db(), w.producer, sequel.id, code, BASE, later(2)))).resolves.toHaveLength(1);
    expect(await listCast(db(), sequel.id)).toEqual([]);
  });

  it("refuses an expired code, a cancelled code and an unknown code without saying whose it is", async () => {
    const w = await world();
    const expired = await createShareCode(db(), w.parent, w.child.id, NOW);
    expect(await codeError(redeemShareCode(db(), w.producer, w.production.id, expired.code, BASE, later(14)))).toEqual([
      "This share code has expired. Ask the child's parent for a new one",
    ]);
    const cancelled = await createShareCode(db(), w.parent, w.child.id, NOW);
    await revokeChildShare(db(), w.parent, w.child.id, cancelled.shareId, NOW);
    expect((await getMyChild(db(), w.parent, w.child.id, NOW)).codes.map((c) => c.id)).toEqual([expired.shareId]);
    expect(await codeError(redeemShareCode(db(), w.producer, w.production.id, cancelled.code, BASE, later(1)))).toEqual([
      "This share code has been cancelled. Ask the child's parent for a new one",
    ]);
    expect(await codeError(redeemShareCode(db(), w.producer, w.production.id, "ABCD-EFGH", BASE, later(1)))).toEqual([
      "No share code matches the one you entered. Check it with the child's parent",
    ]);
    expect(await codeError(redeemShareCode(db(), w.producer, w.production.id, "  ", BASE, later(1)))).toEqual(["Enter the share code"]);
    expect(await codeError(redeemShareCode(db(), w.producer, w.production.id, "ABC-DEF", BASE, later(1)))).toEqual(["Enter a share code in the format ABCD-EFGH"]);
    expect(await listCast(db(), w.production.id)).toEqual([]);
    expect((await auditFor(db(), "child", w.child.id)).map((a) => a.action)).not.toContain("child.share-code-used");
  });

  it("stops a producer after 10 wrong codes in an hour, even when the next one is right", async () => {
    const w = await world();
    const { code } = await createShareCode(db(), w.parent, w.child.id, NOW);
    for (let i = 0; i < 10; i++) await codeError(redeemShareCode(db(), w.producer, w.production.id, "WRNG-CDE2", BASE, NOW));
    expect(await codeError(redeemShareCode(db(), w.producer, w.production.id, code, BASE, NOW))).toEqual(["Too many attempts. Try again later."]);
    expect(await listCast(db(), w.production.id)).toEqual([]);
    // the next hour is a fresh start
    await expect(redeemShareCode(db(), w.producer, w.production.id, code, BASE, new Date(NOW.getTime() + 3_600_000))).resolves.toHaveProperty("childId");
  });

  it("a second code for a child already in the cast is refused and stays unused", async () => {
    const w = await world();
    const first = await createShareCode(db(), w.parent, w.child.id, NOW);
    const second = await createShareCode(db(), w.parent, w.child.id, NOW);
    await redeemShareCode(db(), w.producer, w.production.id, first.code, BASE, NOW);
    expect(await codeError(redeemShareCode(db(), w.producer, w.production.id, second.code, BASE, NOW))).toEqual(["This child is already in Annie"]);
    const [row] = await db().select().from(childShares).where(eq(childShares.id, second.shareId));
    expect(row.productionId).toBeNull();
  });

  it("revoking a used share takes the child out of the cast at once, and is audited", async () => {
    const w = await world();
    const { code, shareId } = await createShareCode(db(), w.parent, w.child.id, NOW);
    await redeemShareCode(db(), w.producer, w.production.id, code, BASE, NOW);
    await expect(loadCastChild(db(), w.production.id, w.child.id)).resolves.toMatchObject({ id: w.child.id });
    await expect(revokeChildShare(db(), w.otherParent, w.child.id, shareId, later(1))).rejects.toBeInstanceOf(NotFoundError);

    expect(await revokeChildShare(db(), w.parent, w.child.id, shareId, later(1))).toEqual({ wasUsed: true });
    expect(await listCast(db(), w.production.id)).toEqual([]);
    await expect(loadCastChild(db(), w.production.id, w.child.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getProduction(db(), w.producer, w.production.id)).cast).toEqual([]);
    expect((await getMyChild(db(), w.parent, w.child.id, later(1))).sharedWith).toEqual([]);
    expect((await auditFor(db(), "child", w.child.id)).map((a) => a.action)).toEqual(["child.share-code-created", "child.share-code-used", "child.share-revoked"]);
    // Revoked once is revoked: a second try finds nothing to revoke.
    await expect(revokeChildShare(db(), w.parent, w.child.id, shareId, later(2))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("another organisation's producer", () => {
  it("gets not found for the production, its cast and adding to it", async () => {
    const w = await world();
    const { code } = await createShareCode(db(), w.parent, w.child.id, NOW);
    await expect(getProduction(db(), w.rivalProducer, w.production.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(redeemShareCode(db(), w.rivalProducer, w.production.id, code, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(inviteParent(db(), w.rivalProducer, w.production.id, { email: "a@example.com", childName: "A B" }, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProduction(db(), w.parent, w.production.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProduction(db(), w.producer, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    // the code is still good for the right producer
    await expect(redeemShareCode(db(), w.producer, w.production.id, code, BASE, NOW)).resolves.toHaveProperty("childId", w.child.id);
  });
});

describe("inviting a parent", () => {
  async function invite(w: World, now = NOW) {
    const { invitationId, outboxIds } = await inviteParent(db(), w.producer, w.production.id, { email: " Priya@Example.com ", childName: "Amelia  Example" }, BASE, now);
    expect(outboxIds).toHaveLength(1);
    const [mail] = await outboxFor(db(), "priya@example.com");
    const url = (mail.props as { url: string }).url;
    return { invitationId, token: tokenFromUrl(url), mail };
  }

  it("emails a 14-day link (only its hash kept) that adds the chosen child to the production once", async () => {
    const w = await world();
    const { invitationId, token, mail } = await invite(w);
    expect(mail.template).toBe("child-invitation");
    expect(mail.props).toMatchObject({ childName: "Amelia Example", organisationName: "Footlights Productions Ltd", productionTitle: "Annie", expiresInDays: 14 });
    const [row] = await db().select().from(childInvitations).where(eq(childInvitations.id, invitationId));
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row.expiresAt).toEqual(later(14));
    expect((await auditFor(db(), "production", w.production.id)).map((a) => a.action)).toEqual(["production.parent-invited"]);
    expect(await describeChildInvitation(db(), token, NOW)).toMatchObject({ state: "open", childName: "Amelia Example", productionTitle: "Annie" });

    await expect(acceptChildInvitation(db(), w.otherParent, token, w.child.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptChildInvitation(db(), w.producer, token, w.child.id, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    const { shareId } = await acceptChildInvitation(db(), w.parent, token, w.child.id, later(1));
    const [share] = await db().select().from(childShares).where(eq(childShares.id, shareId));
    expect(share).toMatchObject({ productionId: w.production.id, usedAt: later(1), childId: w.child.id, revokedAt: null });
    expect((await listCast(db(), w.production.id)).map((c) => c.id)).toEqual([w.child.id]);
    const [accepted] = await db().select().from(childInvitations).where(eq(childInvitations.id, invitationId));
    expect(accepted).toMatchObject({ acceptedAt: later(1), shareId });
    expect((await auditFor(db(), "child", w.child.id)).map((a) => a.action)).toEqual(["child.shared-by-invitation"]);
    // nothing more is emailed
    expect(await outboxFor(db(), "priya@example.com")).toHaveLength(1);

    expect(await describeChildInvitation(db(), token, later(1))).toEqual({ state: "used" });
    await expect(acceptChildInvitation(db(), w.parent, token, w.child.id, later(1))).rejects.toEqual(new LinkExpiredError("used"));
  });

  it("an invitation past its 14 days, or a made-up token, has expired", async () => {
    const w = await world();
    const { token } = await invite(w);
    expect(await describeChildInvitation(db(), token, later(14))).toEqual({ state: "expired" });
    await expect(acceptChildInvitation(db(), w.parent, token, w.child.id, later(14))).rejects.toEqual(new LinkExpiredError("expired"));
    expect(await describeChildInvitation(db(), "x".repeat(43), NOW)).toEqual({ state: "expired" });
    await expect(acceptChildInvitation(db(), w.parent, "short", w.child.id, NOW)).rejects.toBeInstanceOf(LinkExpiredError);
    expect(await listCast(db(), w.production.id)).toEqual([]);
  });

  it("checks the parent's email address and the child's name", async () => {
    const w = await world();
    expect(await ruleErrors(inviteParent(db(), w.producer, w.production.id, { email: "not an email", childName: " " }, BASE, NOW))).toEqual({
      email: ["Enter an email address in the correct format, like name@example.com"],
      childName: ["Enter the child's full name"],
    });
  });
});
