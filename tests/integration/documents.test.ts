import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { issuedDocuments } from "#db/schema/documents";
import { publicActor } from "~/domain/actor";
import { changeDocumentStatus } from "~/domain/documents/changeDocumentStatus";
import { downloadDocument } from "~/domain/documents/downloadDocument";
import { findPublicDocument } from "~/domain/documents/findPublicDocument";
import { type IssueInput, issueDocument } from "~/domain/documents/issueDocument";
import { varyDocument } from "~/domain/documents/varyDocument";
import { verifyUploadedDocument } from "~/domain/documents/verifyUploadedDocument";
import { ForbiddenError, NotFoundError, RuleError } from "~/domain/errors";
import { actorFor, auditFor, createAuthority, createOrganisation, createUser, outboxFor } from "../factories";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
const YEAR = new Date().getFullYear();

async function world() {
  const a = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const b = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council" });
  const company = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const officerA = actorFor(await createUser(db(), { name: "Olive Officer" }), [{ role: "officer", authorityId: a.id }]);
  const officerB = actorFor(await createUser(db(), { name: "Omar Officer" }), [{ role: "officer", authorityId: b.id }]);
  const parentUser = await createUser(db(), { name: "Priya Parent" });
  const producerUser = await createUser(db(), { name: "Pete Producer", email: "pete@example.com" });
  const input: IssueInput = {
    kind: "performance-licence",
    authorityId: a.id,
    holder: { name: company.name, description: "Licence holder" },
    organisationId: company.id,
    holderEmail: "pete@example.com",
    parentUserId: parentUser.id,
    child: { name: "Amelia Example", dateOfBirth: "2015-03-14" },
    validFrom: "2026-12-01",
    validTo: "2027-01-10",
    details: [{ label: "Production", value: "Cinderella" }],
    conditions: ["Keep to the schedule."],
    schedule: { caption: "Schedule", head: ["Date", "Hours"], rows: [["1 Dec", "17:30–21:15"]] },
  };
  return { a, b, company, officerA, officerB, parentUser, producerUser, input };
}

const flip = (bytes: Buffer, at: number) => {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at] === 0x41 ? 0x42 : 0x41;
  return copy;
};

describe("issueDocument", () => {
  it("issues a signed, registered PDF with the next reference and an audit row", async () => {
    const w = await world();
    const doc = await issueDocument(db(), w.officerA, w.input, BASE);
    expect(doc.reference).toBe(`NMC-PL-${YEAR}-000001`);
    expect(doc.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(doc.sha256).toBe(createHash("sha256").update(doc.pdf).digest("hex"));
    const [row] = await db().select().from(issuedDocuments).where(eq(issuedDocuments.reference, doc.reference));
    expect(row).toMatchObject({ status: "valid", holderInitials: "F. P. L.", childName: "Amelia Example", specimen: true });
    expect(Buffer.compare(row.pdf, doc.pdf)).toBe(0);
    expect((await auditFor(db(), "document", row.id)).map((e) => e.action)).toEqual(["document.issued"]);
    expect(doc.pdf.toString("latin1")).toContain("/ByteRange");
  });

  it("pdfsig accepts the signature, and rejects a copy with one byte changed", async () => {
    const w = await world();
    const { pdf } = await issueDocument(db(), w.officerA, w.input, BASE);
    const dir = mkdtempSync(path.join(tmpdir(), "clp-doc-"));
    const good = path.join(dir, "good.pdf");
    const bad = path.join(dir, "bad.pdf");
    writeFileSync(good, pdf);
    writeFileSync(bad, flip(pdf, 200));
    const run = (file: string) => {
      try {
        return execFileSync("pdfsig", [file], { encoding: "utf8" });
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    };
    expect(run(good)).toContain("Signature is Valid");
    expect(run(bad)).not.toContain("Signature is Valid");
  });

  it("numbers concurrent issues without gaps or duplicates, and a failed issue uses no number", async () => {
    const w = await world();
    const results = await Promise.all(Array.from({ length: 8 }, () => issueDocument(db(), w.officerA, w.input, BASE)));
    const numbers = results.map((r) => Number(r.reference.slice(-6))).sort((x, y) => x - y);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(issueDocument(db(), w.officerA, { ...w.input, supersedesId: "00000000-0000-0000-0000-000000000000" }, BASE)).rejects.toBeInstanceOf(NotFoundError);
    const next = await issueDocument(db(), w.officerA, { ...w.input, kind: "performance-licence" }, BASE);
    expect(next.reference).toBe(`NMC-PL-${YEAR}-000009`);
    const other = await issueDocument(db(), w.officerA, { ...w.input, kind: "exemption-record" }, BASE);
    expect(other.reference).toBe(`NMC-EX-${YEAR}-000001`);
  });

  it("only an officer of the authority may issue", async () => {
    const w = await world();
    await expect(issueDocument(db(), w.officerB, w.input, BASE)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(issueDocument(db(), actorFor(w.parentUser, [{ role: "parent" }]), w.input, BASE)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a re-issue supersedes the old reference", async () => {
    const w = await world();
    const first = await issueDocument(db(), w.officerA, w.input, BASE);
    const [old] = await db().select().from(issuedDocuments).where(eq(issuedDocuments.reference, first.reference));
    const second = await issueDocument(db(), w.officerA, { ...w.input, validTo: "2027-01-31", supersedesId: old.id }, BASE);
    const publicOld = await findPublicDocument(db(), first.reference, "2026-12-15");
    expect(publicOld).toMatchObject({ status: "superseded", replacedBy: second.reference });
    expect((await findPublicDocument(db(), second.reference, "2026-12-15"))?.status).toBe("valid");
  });
});

describe("varyDocument", () => {
  it("re-issues with the change under a new reference, keeping the photo, and the old one is replaced", async () => {
    const w = await world();
    const { demoPhoto } = await import("~/domain/documents/demoPhoto");
    const first = await issueDocument(db(), w.officerA, { ...w.input, child: { ...w.input.child!, photo: demoPhoto("x") } }, BASE);
    const varied = await varyDocument(db(), w.officerA, first.reference, { validTo: "2027-02-28", reason: "Run extended" }, BASE);
    expect(varied.reference).toBe(`NMC-PL-${YEAR}-000002`);
    const [row] = await db().select().from(issuedDocuments).where(eq(issuedDocuments.reference, varied.reference));
    expect(row.validTo).toBe("2027-02-28");
    expect((row.content as { child: { photo?: { base64: string } } }).child.photo?.base64.length).toBeGreaterThan(100);
    expect((await findPublicDocument(db(), first.reference, "2026-12-15"))?.replacedBy).toBe(varied.reference);
    await expect(varyDocument(db(), w.officerA, first.reference, { reason: "again" }, BASE)).rejects.toBeInstanceOf(RuleError);
    await expect(varyDocument(db(), w.officerB, varied.reference, { reason: "x" }, BASE)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("public register", () => {
  it("shows kind, status, dates, authority and initials only — no child's details", async () => {
    const w = await world();
    const { reference } = await issueDocument(db(), w.officerA, w.input, BASE);
    const view = await findPublicDocument(db(), reference.toLowerCase(), "2026-12-15");
    expect(view).toMatchObject({ reference, status: "valid", validFrom: "2026-12-01", validTo: "2027-01-10", issuingAuthority: "Northmere Council", holderInitials: "F. P. L." });
    expect(JSON.stringify(view)).not.toMatch(/Amelia|2015-03-14/);
    expect(await findPublicDocument(db(), "NMC-PL-2026-999999")).toBeNull();
    expect(await findPublicDocument(db(), "not a reference")).toBeNull();
  });

  it("is expired after its end date and not yet valid before its start", async () => {
    const w = await world();
    const { reference } = await issueDocument(db(), w.officerA, w.input, BASE);
    expect((await findPublicDocument(db(), reference, "2027-01-11"))?.status).toBe("expired");
    expect((await findPublicDocument(db(), reference, "2026-11-30"))?.status).toBe("not-yet-valid");
    expect((await findPublicDocument(db(), reference, "2027-01-10"))?.status).toBe("valid");
  });
});

describe("changeDocumentStatus", () => {
  it("suspends, reinstates and revokes with reasons, audited, emailing the holder", async () => {
    const w = await world();
    const { reference } = await issueDocument(db(), w.officerA, w.input, BASE);
    await changeDocumentStatus(db(), w.officerA, reference, "suspend", "Concern referred to the LADO", BASE);
    expect((await findPublicDocument(db(), reference, "2026-12-15"))?.status).toBe("suspended");
    await changeDocumentStatus(db(), w.officerA, reference, "reinstate", "Concern closed", BASE);
    expect((await findPublicDocument(db(), reference, "2026-12-15"))?.status).toBe("valid");
    await changeDocumentStatus(db(), w.officerA, reference, "revoke", "Conditions broken", BASE);
    expect((await findPublicDocument(db(), reference, "2026-12-15"))?.status).toBe("revoked");
    await expect(changeDocumentStatus(db(), w.officerA, reference, "reinstate", "x", BASE)).rejects.toBeInstanceOf(RuleError);
    const [row] = await db().select().from(issuedDocuments).where(eq(issuedDocuments.reference, reference));
    expect((await auditFor(db(), "document", row.id)).map((e) => e.action)).toEqual(["document.issued", "document.suspended", "document.reinstated", "document.revoked"]);
    const mail = await outboxFor(db(), "pete@example.com");
    expect(mail.map((m) => (m.props as { status: string }).status)).toEqual(["Suspended", "Valid", "Revoked"]);
  });

  it("another authority's officer cannot change it", async () => {
    const w = await world();
    const { reference } = await issueDocument(db(), w.officerA, w.input, BASE);
    await expect(changeDocumentStatus(db(), w.officerB, reference, "revoke", "x", BASE)).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeDocumentStatus(db(), actorFor(w.parentUser, [{ role: "parent" }]), reference, "revoke", "x", BASE)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("downloadDocument", () => {
  it("lets the parent, the producer's members and the issuing authority's officers download; nobody else", async () => {
    const w = await world();
    const { reference, pdf } = await issueDocument(db(), w.officerA, w.input, BASE);
    const member = actorFor(w.producerUser, [{ role: "producer", organisationId: w.company.id }]);
    for (const actor of [actorFor(w.parentUser, [{ role: "parent" }]), member, w.officerA]) {
      expect(Buffer.compare((await downloadDocument(db(), actor, reference)).pdf, pdf)).toBe(0);
    }
    const stranger = actorFor(await createUser(db()), [{ role: "parent" }]);
    const otherCompany = actorFor(await createUser(db()), [{ role: "producer", organisationId: (await createOrganisation(db(), { kind: "producer" })).id }]);
    for (const actor of [stranger, otherCompany, w.officerB, publicActor(null)]) {
      await expect(downloadDocument(db(), actor, reference)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(downloadDocument(db(), w.officerA, "NMC-PL-2026-999999")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("verifyUploadedDocument", () => {
  it("says genuine, altered or unknown", async () => {
    const w = await world();
    const { pdf, reference } = await issueDocument(db(), w.officerA, w.input, BASE);
    const genuine = await verifyUploadedDocument(db(), pdf);
    expect(genuine).toMatchObject({ outcome: "genuine", document: { reference } });
    const altered = await verifyUploadedDocument(db(), flip(pdf, 300));
    expect(altered.outcome).toBe("altered");
    const plain = await PDFDocument.create();
    plain.addPage();
    expect(await verifyUploadedDocument(db(), Buffer.from(await plain.save()))).toEqual({ outcome: "unknown", reason: "unsigned" });
    expect(await verifyUploadedDocument(db(), Buffer.from("%PDF-1.7 nonsense"))).toEqual({ outcome: "unknown", reason: "unsigned" });
  });
});
