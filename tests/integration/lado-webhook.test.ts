import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ladoReferrals, safeguardingDeliveries } from "#db/schema/safeguarding";
import { DELIVERY_ATTEMPTS, deliverSafeguardingEvent, signDelivery } from "~/domain/safeguarding/deliveries";
import { getCase } from "~/domain/safeguarding/getCase";
import { raiseConcern } from "~/domain/safeguarding/raiseConcern";
import { recordOutcome } from "~/domain/safeguarding/recordOutcome";
import { triageConcern } from "~/domain/safeguarding/triageConcern";
import { useTestDatabase } from "../setup/db";
import { BASE, ladoWorld, NOW, publicConcern } from "./lado-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const SECRET = "a-test-secret-that-is-at-least-32-characters";

type Received = { headers: IncomingMessage["headers"]; body: string };

/** A case management system: answers each request with the next status in `replies`, 200 once they run out. */
function receiver(replies: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      const status = replies.shift() ?? 200;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(status === 200 ? JSON.stringify({ caseReference: "CMS-2026-7781" }) : JSON.stringify({ error: "busy" }));
    });
  });
  return new Promise<{ url: string; received: Received[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/safeguarding`, received, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

let close: (() => Promise<void>) | null = null;
beforeEach(() => {
  process.env.SAFEGUARDING_WEBHOOK_SECRET_NMC = SECRET;
});
afterEach(async () => {
  delete process.env.SAFEGUARDING_WEBHOOK_URL_NMC;
  delete process.env.SAFEGUARDING_WEBHOOK_SECRET_NMC;
  await close?.();
  close = null;
});

async function referred(w: Awaited<ReturnType<typeof ladoWorld>>) {
  const { reference } = await raiseConcern(db(), w.parent, publicConcern(w, { subjectChaperone: w.licence.reference }), BASE, { now: NOW });
  const { deliveryIds } = await triageConcern(db(), w.lado, reference, { decision: "refer", categories: ["harm"], reason: "Witnessed" }, BASE, { now: NOW });
  return { reference, deliveryIds };
}

describe("sending referrals to the safeguarding record", () => {
  it("signs the JSON with HMAC-SHA256, retries after a failure and keeps the case reference it is given", async () => {
    const cms = await receiver([503]);
    close = cms.close;
    process.env.SAFEGUARDING_WEBHOOK_URL_NMC = cms.url;
    const w = await ladoWorld(db());
    const { reference, deliveryIds } = await referred(w);
    expect(deliveryIds).toHaveLength(1);
    const [id] = deliveryIds;

    await expect(deliverSafeguardingEvent(db(), id)).rejects.toThrow("The case management system answered 503");
    let [row] = await db().select().from(safeguardingDeliveries).where(eq(safeguardingDeliveries.id, id));
    expect(row).toMatchObject({ status: "retrying", attempts: 1, lastError: "The case management system answered 503" });

    await deliverSafeguardingEvent(db(), id);
    [row] = await db().select().from(safeguardingDeliveries).where(eq(safeguardingDeliveries.id, id));
    expect(row).toMatchObject({ status: "delivered", attempts: 2, lastError: null });
    // a delivered event is not sent again
    await deliverSafeguardingEvent(db(), id);
    expect(cms.received).toHaveLength(2);

    const { headers, body } = cms.received[1];
    const timestamp = String(headers["x-safeguarding-timestamp"]);
    const expected = `sha256=${createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex")}`;
    expect(headers["x-safeguarding-signature"]).toBe(expected);
    expect(signDelivery(SECRET, timestamp, body)).toBe(expected);
    expect(headers).toMatchObject({ "x-safeguarding-event": "referral.created", "x-safeguarding-delivery": id, "content-type": "application/json" });
    const payload = JSON.parse(body);
    expect(payload).toMatchObject({
      id,
      event: "referral.created",
      authority: { code: "NMC", name: "Northmere Council" },
      referral: {
        reference,
        categories: ["harm"],
        thresholdReason: "Witnessed",
        subject: { name: "Casey Chaperone", role: "chaperone", chaperoneLicence: w.licence.reference },
        reporter: { name: "Rita Reporter" },
        holds: [
          { kind: "chaperone-licence", reference: w.licence.reference, liftedAt: null },
          { kind: "performance-application", reference: "NMC-PA-2026-000101", liftedAt: null },
        ],
      },
    });
    // the first try carried the same event
    expect(JSON.parse(cms.received[0].body).id).toBe(id);

    const [referral] = await db().select().from(ladoReferrals);
    expect(referral.caseReference).toBe("CMS-2026-7781");
    const c = await getCase(db(), w.lado, reference, { now: NOW });
    expect(c.endpoint).toEqual({ configured: true, error: null });
    expect(c.deliveries).toEqual([expect.objectContaining({ event: "referral.created", status: "delivered", attempts: 2 })]);
    expect(c.history.map((e) => e.action)).toContain("lado.case-reference-received");

    // status changes are sent too
    const outcome = await recordOutcome(db(), w.lado, reference, { outcome: "unfounded", outcomeOn: "2026-12-07", notes: "" }, { now: NOW });
    await deliverSafeguardingEvent(db(), outcome.deliveryIds[0]);
    expect(JSON.parse(cms.received[2].body)).toMatchObject({ event: "referral.outcome-recorded", referral: { outcome: "unfounded", caseReference: "CMS-2026-7781" } });
  });

  it("marks a delivery failed after the last attempt, for the LADO to see", async () => {
    const cms = await receiver(Array(DELIVERY_ATTEMPTS).fill(500));
    close = cms.close;
    process.env.SAFEGUARDING_WEBHOOK_URL_NMC = cms.url;
    const w = await ladoWorld(db());
    const { reference, deliveryIds } = await referred(w);
    for (let i = 1; i < DELIVERY_ATTEMPTS; i++) await expect(deliverSafeguardingEvent(db(), deliveryIds[0])).rejects.toThrow();
    await deliverSafeguardingEvent(db(), deliveryIds[0]);
    const c = await getCase(db(), w.lado, reference, { now: NOW });
    expect(c.deliveries).toEqual([expect.objectContaining({ status: "failed", attempts: DELIVERY_ATTEMPTS, lastError: "The case management system answered 500" })]);
  });

  it("sends nothing when the council has no endpoint", async () => {
    const w = await ladoWorld(db());
    const { reference, deliveryIds } = await referred(w);
    expect(deliveryIds).toEqual([]);
    expect((await getCase(db(), w.lado, reference, { now: NOW })).endpoint).toEqual({ configured: false, error: null });
  });
});
