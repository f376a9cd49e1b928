/**
 * Digital signatures on issued documents (PAdES-style `adbe.pkcs7.detached`, SHA-256, RSA).
 *
 * Where the signing certificate comes from, per authority (first match wins):
 *   1. `SIGNING_P12_PATH_<CODE>` + `SIGNING_P12_PASSWORD_<CODE>`: the authority's own PKCS#12 file.
 *   2. `SIGNING_P12_PATH` + `SIGNING_P12_PASSWORD`: one PKCS#12 file shared by every authority.
 *   3. Otherwise a self-signed *development* certificate, generated once per authority and kept at
 *      `<SIGNING_DIR>/<CODE>.p12` (SIGNING_DIR defaults to `.data/signing`). Documents signed with it are
 *      specimens (`identity.specimen === true`) and say so on every page.
 *
 * The development P12 is protected by the fixed password {@link DEVELOPMENT_P12_PASSWORD}. That is deliberate:
 * the key signs only specimens, so it is not a secret worth a second file (which two processes generating at
 * once could pair up wrongly with the other process's P12). The file is still written with mode 0600.
 *
 * Only RSA keys are supported in PKCS#12 files (node-forge cannot read EC keys from a P12).
 *
 * Performance: the CMS structure is built with node-forge's ASN.1 encoder, but the hashing and the RSA
 * signature use Node's native crypto, so signing adds a few milliseconds to a document (forge's pure-JS RSA
 * costs ~30 ms). Parsing a P12 (~10 ms) happens once per authority per process.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign as rsaSign,
  X509Certificate,
} from "node:crypto";
import { link, mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { SignPdf } from "@signpdf/signpdf";
import { Signer, SUBFILTER_ADOBE_PKCS7_DETACHED } from "@signpdf/utils";
import forge from "node-forge";
import type { PDFDocument } from "pdf-lib";
import { z } from "zod";

export type SigningIdentity = {
  authorityCode: string;
  /** The certificate subject's common name (or organisation), also written as the signature's /Name. */
  subjectName: string;
  /** True for the self-signed development certificate: documents must be marked "SPECIMEN – not valid". */
  specimen: boolean;
  /** SHA-256 (lowercase hex) of the signing certificate's DER encoding. */
  fingerprint: string;
  certificateDer: Buffer;
  privateKey: KeyObject;
  /** The signing certificate as parsed by node-forge (used to build the CMS). */
  certificate: forge.pki.Certificate;
  /** Any other certificates in the P12 (the issuing chain); embedded in signatures so validators can build the path. */
  chain: forge.pki.Certificate[];
  /** Where the identity came from, for logs: the variable and file, or the development file. */
  source: string;
};

export type SignatureMeta = { reason: string; location: string; contactInfo: string };

/** Password of the generated development P12 files (see the module comment for why it is fixed). */
export const DEVELOPMENT_P12_PASSWORD = "development-only";

class SigningConfigError extends Error {
  override name = "SigningConfigError";
}

// ---------------------------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------------------------

const AUTHORITY_CODE = /^[A-Z0-9]{1,16}$/;

type SigningConfig =
  | { kind: "p12"; pathVar: string; passwordVar: string; file: string; password: string }
  | { kind: "development"; dir: string };

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v));

function fail(lines: string[]): never {
  throw new SigningConfigError(`Invalid signing configuration:\n${lines.map((l) => `  ${l}`).join("\n")}`);
}

/** Reads and validates the SIGNING_* variables that apply to one authority. */
function signingConfig(code: string): SigningConfig {
  const names = {
    authorityPath: `SIGNING_P12_PATH_${code}`,
    authorityPassword: `SIGNING_P12_PASSWORD_${code}`,
    sharedPath: "SIGNING_P12_PATH",
    sharedPassword: "SIGNING_P12_PASSWORD",
  } as const;
  const pairs = [
    [names.authorityPath, names.authorityPassword],
    [names.sharedPath, names.sharedPassword],
  ] as const;
  const schema = z
    .object({
      [names.authorityPath]: optionalText,
      [names.authorityPassword]: optionalText,
      [names.sharedPath]: optionalText,
      [names.sharedPassword]: optionalText,
      SIGNING_DIR: optionalText,
    })
    .superRefine((vars, ctx) => {
      for (const [pathVar, passwordVar] of pairs) {
        if (vars[pathVar] && vars[passwordVar] === undefined) {
          ctx.addIssue({ code: "custom", path: [passwordVar], message: `required when ${pathVar} is set (the PKCS#12 file's password)` });
        }
        if (!vars[pathVar] && vars[passwordVar] !== undefined) {
          ctx.addIssue({ code: "custom", path: [pathVar], message: `required when ${passwordVar} is set (path to a PKCS#12 .p12/.pfx file)` });
        }
      }
    });
  const raw = Object.fromEntries(
    [...Object.values(names), "SIGNING_DIR"].map((name) => [name, process.env[name]]).filter(([, v]) => v !== undefined),
  );
  const result = schema.safeParse(raw);
  if (!result.success) fail(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const vars = result.data;
  for (const [pathVar, passwordVar] of pairs) {
    const file = vars[pathVar];
    const password = vars[passwordVar];
    if (file && password !== undefined) return { kind: "p12", pathVar, passwordVar, file: path.resolve(file), password };
  }
  return { kind: "development", dir: path.resolve(vars.SIGNING_DIR ?? ".data/signing") };
}

// ---------------------------------------------------------------------------------------------------------------
// Identities
// ---------------------------------------------------------------------------------------------------------------

const identities = new Map<string, Promise<SigningIdentity>>();

/**
 * The certificate and key that sign an authority's documents, loaded once per authority per process.
 * Throws {@link SigningConfigError} (naming the variable) for a bad configuration, a missing file or a wrong password.
 */
export function signingIdentity(authority: { code: string; name: string }): Promise<SigningIdentity> {
  const code = authority.code.toUpperCase();
  if (!AUTHORITY_CODE.test(code)) {
    return Promise.reject(new SigningConfigError(`Authority code "${authority.code}" must be 1–16 letters or digits.`));
  }
  let pending = identities.get(code);
  if (!pending) {
    pending = loadIdentity(code, authority.name);
    identities.set(code, pending);
    // Don't cache a failure: the next call retries (after the configuration is fixed).
    pending.catch(() => {
      if (identities.get(code) === pending) identities.delete(code);
    });
  }
  return pending;
}

/** Forgets the loaded identities (tests, or after rotating a certificate). */
export function resetSigningIdentityCache() {
  identities.clear();
}

async function loadIdentity(code: string, authorityName: string): Promise<SigningIdentity> {
  const config = signingConfig(code);
  if (config.kind === "p12") {
    let bytes: Buffer;
    try {
      bytes = await readFile(config.file);
    } catch (error) {
      fail([`${config.pathVar}: cannot read ${config.file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
    }
    return identityFromP12(bytes, config.password, {
      authorityCode: code,
      specimen: false,
      source: `${config.pathVar}=${config.file}`,
      problem: (what) =>
        fail([
          what === "password"
            ? `${config.passwordVar}: wrong password for the PKCS#12 file ${config.file} (${config.pathVar})`
            : `${config.pathVar}: ${config.file} is not a usable PKCS#12 file (${what})`,
        ]),
    });
  }
  if (process.env.APP_ENV === "production") {
    fail([`SIGNING_P12_PATH: required when APP_ENV=production (or SIGNING_P12_PATH_${code}); specimen certificates are for local use only`]);
  }
  const file = await developmentP12(config.dir, code, authorityName);
  return identityFromP12(file.bytes, DEVELOPMENT_P12_PASSWORD, {
    authorityCode: code,
    specimen: true,
    source: `development certificate ${file.path}`,
    problem: (what) =>
      fail([`SIGNING_DIR: the development certificate ${file.path} cannot be used (${what}); delete it to generate a new one`]),
  });
}

type P12Options = { authorityCode: string; specimen: boolean; source: string; problem: (what: string) => never };

function identityFromP12(bytes: Buffer, password: string, options: P12Options): SigningIdentity {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(bytes.toString("binary")), password);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    options.problem(/password|MAC|decrypt/i.test(message) ? "password" : message);
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const forgeKey = keyBags.find((bag) => bag.key)?.key;
  if (!forgeKey) options.problem("no RSA private key could be read from it: not an RSA key, or a wrong password");
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(forgeKey));
  const publicDer = createPublicKey(privateKey).export({ type: "spki", format: "der" });

  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined);
  const ders = certs.map((cert) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary"));
  const index = ders.findIndex((der) => new X509Certificate(der).publicKey.export({ type: "spki", format: "der" }).equals(publicDer));
  if (index < 0) options.problem("no certificate matches its private key");
  const certificate = certs[index];
  const certificateDer = ders[index];
  const now = new Date();
  if (certificate.validity.notAfter < now || certificate.validity.notBefore > now) {
    const { notBefore, notAfter } = certificate.validity;
    options.problem(`its certificate is valid only from ${notBefore.toISOString()} to ${notAfter.toISOString()}`);
  }
  return {
    authorityCode: options.authorityCode,
    subjectName: certificateName(certificate.subject),
    specimen: options.specimen,
    fingerprint: createHash("sha256").update(certificateDer).digest("hex"),
    certificateDer,
    privateKey,
    certificate,
    chain: certs.filter((_, i) => i !== index),
    source: options.source,
  };
}

/** The CN (else O) of a distinguished name, decoded from UTF8String/BMPString where forge leaves raw bytes. */
export function certificateName(name: forge.pki.Certificate["subject"]): string {
  const field = name.getField("CN") ?? name.getField("O");
  if (!field) return "Unknown signer";
  return decodeAttributeValue(field.value as string, field.valueTagClass as number);
}

export function decodeAttributeValue(value: string, tag: number): string {
  if (tag === forge.asn1.Type.UTF8) return Buffer.from(value, "binary").toString("utf8");
  if (tag === forge.asn1.Type.BMPSTRING) return Buffer.from(value, "binary").swap16().toString("utf16le");
  return value;
}

/**
 * Reads `<dir>/<CODE>.p12`, generating it first if it doesn't exist. Two processes may race here: each writes a
 * temporary file and hard-links it into place; the loser gets EEXIST and uses the winner's file, so every
 * process ends up signing with the same certificate.
 */
async function developmentP12(dir: string, code: string, authorityName: string): Promise<{ path: string; bytes: Buffer }> {
  const file = path.join(dir, `${code}.p12`);
  try {
    return { path: file, bytes: await readFile(file) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      fail([`SIGNING_DIR: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
    }
  }
  await mkdir(dir, { recursive: true });
  const bytes = createDevelopmentP12(authorityName, DEVELOPMENT_P12_PASSWORD);
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temp, bytes, { mode: 0o600 });
  try {
    await link(temp, file);
    return { path: file, bytes };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return { path: file, bytes: await readFile(file) };
    // A file system without hard links: rename (atomic, but the last writer wins), then use what is on disk.
    await rename(temp, file);
    return { path: file, bytes: await readFile(file) };
  } finally {
    await unlink(temp).catch(() => {});
  }
}

/**
 * A self-signed RSA-2048 certificate valid for 10 years, packaged as a PKCS#12 file. The key pair comes from
 * Node (fast); forge builds and signs the certificate and the P12 (one-off, ~0.3 s).
 */
function createDevelopmentP12(authorityName: string, password: string): Buffer {
  const { cert, key } = createSelfSignedCertificate([
    { shortName: "CN", value: `${authorityName} (development certificate)`, valueTagClass: forge.asn1.Type.UTF8 as number },
    { shortName: "O", value: authorityName, valueTagClass: forge.asn1.Type.UTF8 as number },
    { shortName: "C", value: "GB" },
  ]);
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, {
    algorithm: "aes256",
    friendlyName: `${authorityName} (development certificate)`,
    generateLocalKeyId: true,
  });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), "binary");
}

/** Exported for tests that need a "real" (non-development) certificate. */
export function createSelfSignedCertificate(
  subject: forge.pki.CertificateField[],
  options: { years?: number; serialHex?: string } = {},
): { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } {
  const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(pair.privateKey.export({ type: "pkcs1", format: "pem" }) as string) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(pair.publicKey.export({ type: "spki", format: "pem" }) as string);
  // A positive 128-bit serial number (the leading byte keeps the sign bit clear).
  cert.serialNumber = options.serialHex ?? `01${randomBytes(15).toString("hex")}`;
  const notBefore = new Date(Date.now() - 5 * 60_000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (options.years ?? 10));
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { cert, key };
}

// ---------------------------------------------------------------------------------------------------------------
// Signing
// ---------------------------------------------------------------------------------------------------------------

const { asn1 } = forge;
const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  sha256: "2.16.840.1.101.3.4.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
} as const;

const seq = (value: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, value);
const set = (value: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, value);
const oid = (id: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const nul = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, "");
const int = (n: number) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const octets = (bytes: Buffer) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString("binary"));
const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), "binary");
const algorithm = (id: string) => seq([oid(id), nul()]);
const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), set([value])]);

function time(date: Date) {
  // RFC 5652: UTCTime for 1950–2049, GeneralizedTime otherwise.
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

type Prepared = { certificates: forge.asn1.Asn1; certificatesLength: number; issuerAndSerial: forge.asn1.Asn1 };
const prepared = new WeakMap<SigningIdentity, Prepared>();

/** The parts of the CMS that depend only on the certificate, computed once per identity. */
function prepare(identity: SigningIdentity): Prepared {
  let parts = prepared.get(identity);
  if (!parts) {
    const certAsn1 = asn1.fromDer(identity.certificateDer.toString("binary"));
    const tbs = certAsn1.value[0] as forge.asn1.Asn1;
    const fields = tbs.value as forge.asn1.Asn1[];
    const offset = fields[0].tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0; // [0] version
    const certificates = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [
      certAsn1,
      ...identity.chain.map((cert) => forge.pki.certificateToAsn1(cert)),
    ]);
    parts = {
      certificates,
      certificatesLength: der(certificates).length,
      // The issuer Name and serial INTEGER exactly as encoded in the certificate.
      issuerAndSerial: seq([fields[offset + 2], fields[offset]]),
    };
    prepared.set(identity, parts);
  }
  return parts;
}

/**
 * Builds a detached CMS SignedData over the bytes it is given: SHA-256, signed attributes contentType,
 * signingTime and messageDigest, the certificate (and chain) included. RSA is done by Node's crypto.
 */
function createCmsSignature(identity: SigningIdentity, content: Buffer, signingTime: Date = new Date()): Buffer {
  const parts = prepare(identity);
  const digest = createHash("sha256").update(content).digest();
  // DER orders a SET OF by the encodings of its elements.
  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, time(signingTime)),
    attribute(OID.messageDigest, octets(digest)),
  ]
    .map((node) => ({ node, bytes: der(node) }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    .map(({ node }) => node);
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] IMPLICIT field.
  const signature = rsaSign("sha256", der(set(attributes)), identity.privateKey);
  const signerInfo = seq([
    int(1),
    parts.issuerAndSerial,
    algorithm(OID.sha256),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes),
    algorithm(OID.rsaEncryption),
    octets(signature),
  ]);
  const signedData = seq([
    int(1),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]), // detached: no encapsulated content
    parts.certificates,
    set([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

/** A @signpdf Signer producing {@link createCmsSignature}. One instance per document. */
class CmsSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    return createCmsSignature(this.identity, pdfBuffer, signingTime);
  }
}

/**
 * Adds a signature field to `pdfDoc`, saves it and signs it. The document is changed (it gains the
 * signature field), so build a fresh PDFDocument for each call.
 */
export async function signPdf(pdfDoc: PDFDocument, identity: SigningIdentity, meta: SignatureMeta): Promise<Buffer> {
  // PDF dates and UTCTime have one-second resolution: use the same whole second for both.
  const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
  pdflibAddPlaceholder({
    pdfDoc,
    reason: meta.reason,
    location: meta.location,
    contactInfo: meta.contactInfo,
    name: identity.subjectName,
    signingTime,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    // Hex digits reserved for the CMS, i.e. room for half as many bytes: 8192 (the default) holds 4 kB, and
    // an RSA-2048 signature with one certificate is ~1.6 kB. A P12 with a long chain gets more room.
    signatureLength: Math.max(8192, 2 * (prepare(identity).certificatesLength + 2048)),
  });
  // The signature dictionary is kept out of object streams by the placeholder itself, so either setting works;
  // without object streams the file is saved faster (no deflate) and is easier to inspect.
  const unsigned = Buffer.from(await pdfDoc.save({ useObjectStreams: false }));
  return new SignPdf().sign(unsigned, new CmsSigner(identity), signingTime);
}
