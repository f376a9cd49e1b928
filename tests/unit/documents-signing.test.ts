import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import forge from "node-forge";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createSelfSignedCertificate,
  DEVELOPMENT_P12_PASSWORD,
  resetSigningIdentityCache,
  type SigningIdentity,
  signingIdentity,
  signPdf,
} from "~/domain/documents/signing";
import { verifySignedPdf } from "~/domain/documents/verifySignature";

const PDFSIG = "pdfsig";
const AUTHORITY = { code: "NMC", name: "Northmoor City Council" };
const META = { reason: "Licence issued", location: "Northmoor", contactInfo: "licensing@northmoor.example.gov.uk" };
const SIGNING_VARS = ["SIGNING_DIR", "SIGNING_P12_PATH", "SIGNING_P12_PASSWORD", "SIGNING_P12_PATH_NMC", "SIGNING_P12_PASSWORD_NMC"];

let dir: string;
const saved = Object.fromEntries(SIGNING_VARS.map((name) => [name, process.env[name]]));

function resetEnv() {
  for (const name of SIGNING_VARS) delete process.env[name];
  process.env.SIGNING_DIR = path.join(dir, "keys");
  resetSigningIdentityCache();
}

beforeAll(() => {
  const probe = spawnSync(PDFSIG, ["-v"], { encoding: "utf8" });
  if (probe.error) {
    throw new Error(`pdfsig is needed to check signatures independently: install poppler-utils (apt-get install poppler-utils). ${probe.error.message}`);
  }
  dir = mkdtempSync(path.join(tmpdir(), "signing-test-"));
  resetEnv();
});

afterEach(resetEnv);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetSigningIdentityCache();
});

async function onePageDocument() {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText("Licence for a child to take part in a performance", { x: 50, y: 780, size: 14, font });
  page.drawText("NMC-PL-2026-000001", { x: 50, y: 750, size: 12, font });
  return doc;
}

function pdfsig(bytes: Uint8Array): string {
  const file = path.join(dir, `${randomBytes(4).toString("hex")}.pdf`);
  writeFileSync(file, bytes);
  const result = spawnSync(PDFSIG, [file], { encoding: "utf8" });
  return `${result.stdout}\n${result.stderr}`;
}

/** A PKCS#12 file with an RSA-2048 certificate, as a council's CA might supply. */
function writeP12(name: string, password: string, commonName: string) {
  const { cert, key } = createSelfSignedCertificate([
    { shortName: "CN", value: commonName },
    { shortName: "O", value: "Northmoor City Council" },
    { shortName: "C", value: "GB" },
  ]);
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: "3des" });
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(forge.asn1.toDer(p12).getBytes(), "binary"));
  return file;
}

function flipByte(bytes: Buffer, position: number) {
  const copy = Buffer.from(bytes);
  copy[position] ^= 0x01;
  return copy;
}

describe("development signing identity", () => {
  it("generates a self-signed RSA-2048 certificate once and reuses the stored P12", async () => {
    const first = await signingIdentity(AUTHORITY);
    expect(first.specimen).toBe(true);
    expect(first.authorityCode).toBe("NMC");
    expect(first.subjectName).toBe("Northmoor City Council (development certificate)");
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(first.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(existsSync(path.join(dir, "keys", "NMC.p12"))).toBe(true);

    const cert = first.certificate;
    expect(cert.subject.getField("O").value).toBe("Northmoor City Council");
    expect(cert.subject.getField("C").value).toBe("GB");
    expect(cert.issuer.hash).toBe(cert.subject.hash);
    expect(cert.getExtension("keyUsage")).toMatchObject({ digitalSignature: true, nonRepudiation: true });
    const years = (cert.validity.notAfter.getTime() - cert.validity.notBefore.getTime()) / (365.25 * 86_400_000);
    expect(Math.round(years)).toBe(10);

    // Cached for the process…
    expect(await signingIdentity(AUTHORITY)).toBe(first);
    // …and a new process (cache reset) reads the same P12 back.
    resetSigningIdentityCache();
    const again = await signingIdentity(AUTHORITY);
    expect(again).not.toBe(first);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.specimen).toBe(true);
  });

  it("ends up with one certificate when two loaders generate at the same time", async () => {
    process.env.SIGNING_DIR = path.join(dir, "race");
    const a = signingIdentity({ code: "RACE", name: "Race Council" });
    resetSigningIdentityCache(); // as if a second process started at the same moment
    const b = signingIdentity({ code: "RACE", name: "Race Council" });
    const [first, second] = await Promise.all([a, b]);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(readdirSync(path.join(dir, "race"))).toEqual(["RACE.p12"]); // temporary files cleaned up
  });

  it("uses a separate certificate per authority", async () => {
    const other = await signingIdentity({ code: "EBC", name: "Eastbridge Borough Council" });
    expect(other.subjectName).toBe("Eastbridge Borough Council (development certificate)");
    expect(other.fingerprint).not.toBe((await signingIdentity(AUTHORITY)).fingerprint);
  });

  it("rejects an authority code that isn't letters and digits", async () => {
    await expect(signingIdentity({ code: "../x", name: "Bad" })).rejects.toThrow(/Authority code/);
  });
});

describe("signPdf and verifySignedPdf", () => {
  let identity: SigningIdentity;
  let signed: Buffer;

  beforeAll(async () => {
    resetEnv();
    identity = await signingIdentity(AUTHORITY);
    signed = await signPdf(await onePageDocument(), identity, META);
  });

  it("produces a signature pdfsig accepts (adbe.pkcs7.detached, SHA-256, whole document)", () => {
    const report = pdfsig(signed);
    expect(report).toContain("Signature Validation: Signature is Valid.");
    expect(report).toContain("Signature Type: adbe.pkcs7.detached");
    expect(report).toContain("Signing Hash Algorithm: SHA-256");
    expect(report).toContain("Total document signed");
    expect(report).toContain("Signer Certificate Common Name: Northmoor City Council (development certificate)");
  });

  it("verifies as intact, naming the signer and the signing time", () => {
    const result = verifySignedPdf(signed);
    expect(result.status).toBe("intact");
    expect(result.signerFingerprint).toBe(identity.fingerprint);
    expect(result.signerName).toBe("Northmoor City Council (development certificate)");
    expect(Math.abs(result.signedAt!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.detail).toBeUndefined();
  });

  it("detects one flipped byte in the signed region", () => {
    const at = signed.indexOf(`(${META.location})`) + 1;
    expect(at).toBeGreaterThan(0);
    const tampered = flipByte(signed, at);
    expect(pdfsig(tampered)).not.toContain("Signature is Valid");
    const result = verifySignedPdf(tampered);
    expect(result.status).toBe("altered");
    expect(result.signerFingerprint).toBe(identity.fingerprint);
    expect(result.sha256).not.toBe(verifySignedPdf(signed).sha256);
  });

  it("detects a changed signature value (the RSA check, not just the digest)", () => {
    // The RSA signature is the last 256 bytes of the CMS inside /Contents <…>.
    const contents = signed.indexOf("/Contents <", signed.lastIndexOf("/ByteRange")) + "/Contents <".length;
    const cms = Buffer.from(signed.subarray(contents, contents + 8).toString("latin1"), "hex"); // 30 82 LL LL
    const cmsLength = 4 + cms.readUInt16BE(2);
    const lastHexDigit = contents + 2 * cmsLength - 1;
    const tampered = Buffer.from(signed);
    tampered[lastHexDigit] = tampered[lastHexDigit] === 0x30 ? 0x31 : 0x30;
    expect(verifySignedPdf(tampered)).toMatchObject({ status: "altered", detail: expect.stringMatching(/signature/) });
    expect(pdfsig(tampered)).not.toContain("Signature is Valid");
  });

  it("treats bytes appended after signing as altered", () => {
    const appended = Buffer.concat([signed, Buffer.from("\n1 0 obj\n<< >>\nendobj\n%%EOF\n")]);
    expect(pdfsig(appended)).toContain("Not total document signed");
    expect(verifySignedPdf(appended)).toMatchObject({ status: "altered", signerFingerprint: identity.fingerprint });
  });

  it("treats a truncated file as altered", () => {
    expect(verifySignedPdf(signed.subarray(0, signed.length - 10)).status).toBe("altered");
  });

  it("accepts a Uint8Array (PGlite returns bytea as one)", () => {
    expect(verifySignedPdf(new Uint8Array(signed)).status).toBe("intact");
  });

  it("reports a PDF without a signature as unsigned", async () => {
    const plain = Buffer.from(await (await onePageDocument()).save());
    expect(verifySignedPdf(plain).status).toBe("unsigned");
  });

  it("reports an unfilled signature placeholder as malformed", async () => {
    const { pdflibAddPlaceholder } = await import("@signpdf/placeholder-pdf-lib");
    const doc = await onePageDocument();
    pdflibAddPlaceholder({ pdfDoc: doc, reason: "x", location: "x", contactInfo: "x", name: "x" });
    expect(verifySignedPdf(Buffer.from(await doc.save())).status).toBe("malformed");
  });

  it("never throws on garbage", () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    const zeroedContents = Buffer.from(signed);
    const start = signed.indexOf("/Contents <", signed.lastIndexOf("/ByteRange")) + "/Contents <".length;
    zeroedContents.fill(0x30, start, start + 200);
    const inputs = [
      Buffer.alloc(0),
      randomBytes(4096),
      png,
      Buffer.from("/ByteRange [0 10 20 30] /Contents <3082>"),
      Buffer.from("%PDF-1.7 /ByteRange [0 5 9999999 1]"),
      zeroedContents,
    ];
    for (const input of inputs) {
      const result = verifySignedPdf(input);
      expect(["unsigned", "malformed"]).toContain(result.status);
      expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("signs each document with a fresh signer, and refuses to sign the same PDFDocument twice", async () => {
    const doc = await onePageDocument();
    doc.setTitle("Second document");
    const second = await signPdf(doc, identity, META);
    expect(verifySignedPdf(second).status).toBe("intact");
    expect(second.equals(signed)).toBe(false);
    await expect(signPdf(doc, identity, META)).rejects.toThrow(/multiple ByteRange placeholders/);
  });
});

describe("configured PKCS#12", () => {
  it("uses SIGNING_P12_PATH / SIGNING_P12_PASSWORD and is not a specimen", async () => {
    process.env.SIGNING_P12_PATH = writeP12("shared.p12", "s3cret-password", "Licensing Service Signing");
    process.env.SIGNING_P12_PASSWORD = "s3cret-password";
    const identity = await signingIdentity(AUTHORITY);
    expect(identity.specimen).toBe(false);
    expect(identity.subjectName).toBe("Licensing Service Signing");
    expect(identity.source).toContain("SIGNING_P12_PATH=");

    const signed = await signPdf(await onePageDocument(), identity, META);
    expect(pdfsig(signed)).toContain("Signature Validation: Signature is Valid.");
    expect(verifySignedPdf(signed)).toMatchObject({ status: "intact", signerFingerprint: identity.fingerprint });
  });

  it("prefers SIGNING_P12_PATH_<CODE> over the shared file", async () => {
    process.env.SIGNING_P12_PATH = writeP12("shared2.p12", "shared", "Shared Signing");
    process.env.SIGNING_P12_PASSWORD = "shared";
    process.env.SIGNING_P12_PATH_NMC = writeP12("nmc.p12", "own", "Northmoor Signing");
    process.env.SIGNING_P12_PASSWORD_NMC = "own";
    expect((await signingIdentity(AUTHORITY)).subjectName).toBe("Northmoor Signing");
    expect((await signingIdentity({ code: "EBC", name: "Eastbridge" })).subjectName).toBe("Shared Signing");
  });

  it("names the variable when the password is wrong", async () => {
    process.env.SIGNING_P12_PATH = writeP12("wrong.p12", "right-password", "Wrong Password Test");
    process.env.SIGNING_P12_PASSWORD = "not-the-password";
    await expect(signingIdentity(AUTHORITY)).rejects.toThrow(/SIGNING_P12_PASSWORD: wrong password/);
    // A failure isn't cached: fixing the variable works without a restart.
    process.env.SIGNING_P12_PASSWORD = "right-password";
    expect((await signingIdentity(AUTHORITY)).subjectName).toBe("Wrong Password Test");
  });

  it("names the variable when the file is missing or a password has no path", async () => {
    process.env.SIGNING_P12_PATH_NMC = path.join(dir, "missing.p12");
    process.env.SIGNING_P12_PASSWORD_NMC = "x";
    await expect(signingIdentity(AUTHORITY)).rejects.toThrow(/SIGNING_P12_PATH_NMC: cannot read .*missing\.p12 \(ENOENT\)/);
    resetEnv();
    process.env.SIGNING_P12_PATH = path.join(dir, "missing.p12");
    await expect(signingIdentity(AUTHORITY)).rejects.toThrow(/SIGNING_P12_PASSWORD: required when SIGNING_P12_PATH is set/);
    resetEnv();
    process.env.SIGNING_P12_PASSWORD = "x";
    await expect(signingIdentity(AUTHORITY)).rejects.toThrow(/SIGNING_P12_PATH: required when SIGNING_P12_PASSWORD is set/);
  });

  it("refuses an expired certificate", async () => {
    const { cert, key } = createSelfSignedCertificate([{ shortName: "CN", value: "Expired" }], { years: 0 });
    const file = path.join(dir, "expired.p12");
    writeFileSync(file, Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, [cert], "pw")).getBytes(), "binary"));
    process.env.SIGNING_P12_PATH = file;
    process.env.SIGNING_P12_PASSWORD = "pw";
    await expect(signingIdentity(AUTHORITY)).rejects.toThrow(/SIGNING_P12_PATH: .* certificate is valid only from/);
  });

  it("reports a file that isn't a PKCS#12", async () => {
    const file = path.join(dir, "not-a.p12");
    writeFileSync(file, "hello");
    process.env.SIGNING_P12_PATH = file;
    process.env.SIGNING_P12_PASSWORD = DEVELOPMENT_P12_PASSWORD;
    await expect(signingIdentity(AUTHORITY)).rejects.toThrow(/SIGNING_P12_PATH: .* is not a usable PKCS#12 file/);
  });
});
