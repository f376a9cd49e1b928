/**
 * Checks the digital signature of a PDF the service issued — pure Node + node-forge, no poppler.
 *
 * Only the last signature in the file is checked (the service signs once). "intact" means the signed bytes
 * are unchanged, cover the whole file and were signed by the key of the embedded certificate; whether that
 * certificate is one of ours is for the caller to decide by comparing `signerFingerprint` with the fingerprint
 * recorded when the document was issued.
 *
 * Supported: CMS SignedData (adbe.pkcs7.detached / ETSI.CAdES.detached) with RSA (PKCS#1 v1.5) certificates and
 * SHA-1/SHA-2 digests, with or without signed attributes. Other signatures come back as "malformed".
 */
import { createHash, createVerify, type KeyObject, verify as cryptoVerify, X509Certificate } from "node:crypto";
import forge from "node-forge";
import { certificateName, decodeAttributeValue } from "./signing";

export type SignatureStatus = "intact" | "altered" | "unsigned" | "malformed";

export type VerifyResult = {
  status: SignatureStatus;
  /** SHA-256 (lowercase hex) of the signing certificate's DER encoding. */
  signerFingerprint?: string;
  /** The signing certificate's common name. */
  signerName?: string;
  /** The signingTime signed attribute (the signer's clock, not a trusted timestamp). */
  signedAt?: Date;
  /** SHA-256 (lowercase hex) of the whole file as given. */
  sha256: string;
  /** Why the status is not "intact", for logs (not for display). */
  detail?: string;
};

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

const OID = {
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  rsaEncryption: "1.2.840.113549.1.1.1",
};

const DIGESTS: Record<string, string> = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.4": "sha224",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};

/** RSA PKCS#1 v1.5 signature algorithms accepted in SignerInfo.signatureAlgorithm. */
const RSA_SIGNATURES = new Set([
  OID.rsaEncryption,
  "1.2.840.113549.1.1.5", // sha1WithRSAEncryption
  "1.2.840.113549.1.1.14", // sha224WithRSAEncryption
  "1.2.840.113549.1.1.11", // sha256WithRSAEncryption
  "1.2.840.113549.1.1.12", // sha384WithRSAEncryption
  "1.2.840.113549.1.1.13", // sha512WithRSAEncryption
]);

class Malformed extends Error {}
function malformed(detail: string): never {
  throw new Malformed(detail);
}

/**
 * Never throws: garbage in gives "unsigned" or "malformed". Accepts a Uint8Array too (PGlite returns bytea as
 * Uint8Array, whose string search methods differ from Buffer's).
 */
export function verifySignedPdf(input: Buffer | Uint8Array): VerifyResult {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  try {
    return { ...check(bytes), sha256 };
  } catch (error) {
    const detail = error instanceof Malformed ? error.message : `cannot parse the signature (${error instanceof Error ? error.message : String(error)})`;
    return { status: "malformed", sha256, detail };
  }
}

function check(bytes: Buffer): Omit<VerifyResult, "sha256"> {
  const at = bytes.lastIndexOf("/ByteRange");
  if (at < 0) return { status: "unsigned", detail: "no /ByteRange" };

  // /ByteRange [0 a b c]: the signed bytes are [0, a) and [b, b + c); /Contents <hex> fills [a, b).
  const match = /^\/ByteRange\s*\[\s*(\d{1,15})\s+(\d{1,15})\s+(\d{1,15})\s+(\d{1,15})\s*\]/.exec(
    bytes.subarray(at, at + 120).toString("latin1"),
  );
  if (!match) malformed("unreadable /ByteRange (an unsigned placeholder?)");
  const [start, a, b, c] = match.slice(1).map(Number);
  if (start !== 0 || a <= 0 || b <= a) malformed(`invalid /ByteRange [${start} ${a} ${b} ${c}]`);
  if (b > bytes.length || bytes[a] !== 0x3c /* < */ || bytes[b - 1] !== 0x3e /* > */) {
    malformed("the /ByteRange gap is not the /Contents hex string");
  }
  if (!/\/Contents\s*$/.test(bytes.subarray(Math.max(0, a - 32), a).toString("latin1"))) {
    malformed("the /ByteRange gap does not follow /Contents");
  }
  const hex = bytes
    .subarray(a + 1, b - 1)
    .toString("latin1")
    .replace(/[\0\t\n\f\r ]/g, "");
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) malformed("/Contents is not a hex string");
  const cms = trimDer(Buffer.from(hex, "hex"));

  const signer = readCms(cms);
  const identity = { signerFingerprint: signer.fingerprint, signerName: signer.name, signedAt: signer.signedAt };

  if (b + c > bytes.length) return { status: "altered", ...identity, detail: "the file is shorter than its /ByteRange (truncated)" };
  const ranges = [bytes.subarray(0, a), bytes.subarray(b, b + c)];

  if (signer.signedAttributes) {
    const digest = createHash(signer.hash);
    for (const range of ranges) digest.update(range);
    if (!signer.messageDigest || !digest.digest().equals(signer.messageDigest)) {
      return { status: "altered", ...identity, detail: "messageDigest does not match the signed bytes" };
    }
    if (!cryptoVerify(signer.hash, signer.signedAttributes, signer.publicKey, signer.signature)) {
      return { status: "altered", ...identity, detail: "the signature over the signed attributes is not valid" };
    }
  } else {
    const verifier = createVerify(signer.hash);
    for (const range of ranges) verifier.update(range);
    if (!verifier.verify(signer.publicKey, signer.signature)) {
      return { status: "altered", ...identity, detail: "the signature over the signed bytes is not valid" };
    }
  }
  if (b + c !== bytes.length) {
    return { status: "altered", ...identity, detail: `${bytes.length - b - c} bytes were added after signing` };
  }
  return { status: "intact", ...identity };
}

/** /Contents is zero-padded: keep only the DER element at its start. */
function trimDer(buf: Buffer): Buffer {
  if (buf.length < 2 || buf[0] !== 0x30) malformed("/Contents is not a DER SEQUENCE");
  const first = buf[1];
  if (first < 0x80) return buf.subarray(0, 2 + first);
  const count = first & 0x7f;
  if (count === 0 || count > 4 || buf.length < 2 + count) malformed("/Contents has an unsupported DER length");
  const length = buf.readUIntBE(2, count);
  if (2 + count + length > buf.length) malformed("/Contents is shorter than its DER length");
  return buf.subarray(0, 2 + count + length);
}

type SignerData = {
  hash: string;
  publicKey: KeyObject;
  signature: Buffer;
  /** DER of the signed attributes re-tagged as a SET (what the signature covers). */
  signedAttributes?: Buffer;
  messageDigest?: Buffer;
  signedAt?: Date;
  fingerprint: string;
  name: string;
};

const binary = (value: Asn1["value"]) => (typeof value === "string" ? Buffer.from(value, "binary") : malformed("expected a primitive ASN.1 value"));
const children = (node: Asn1 | undefined) => (node && Array.isArray(node.value) ? node.value : malformed("expected a constructed ASN.1 value"));
const toDer = (node: Asn1) => Buffer.from(asn1.toDer(node).getBytes(), "binary");
const oidOf = (node: Asn1 | undefined) =>
  node && node.type === asn1.Type.OID && typeof node.value === "string" ? asn1.derToOid(node.value) : malformed("expected an OID");

function readCms(cms: Buffer): SignerData {
  const message = forge.pkcs7.messageFromAsn1(asn1.fromDer(cms.toString("binary"))) as unknown as {
    type: string;
    rawCapture: { certificates?: Asn1; signerInfos?: Asn1[]; content?: unknown };
    certificates: forge.pki.Certificate[];
  };
  if (message.type !== OID.signedData) malformed("the CMS is not SignedData");
  if (message.rawCapture.content) malformed("the CMS encapsulates its content (not a detached signature)");
  const signerInfo = message.rawCapture.signerInfos?.at(-1) ?? malformed("the CMS has no SignerInfo");
  const fields = children(signerInfo);

  // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs OPTIONAL, signatureAlgorithm, signature, ... }
  const sid = fields[1];
  const hash = DIGESTS[oidOf(children(fields[2])[0])] ?? malformed("unsupported digest algorithm");
  let i = 3;
  let signedAttributesNode: Asn1 | undefined;
  if (fields[i]?.tagClass === asn1.Class.CONTEXT_SPECIFIC && fields[i].type === 0) signedAttributesNode = fields[i++];
  const signatureAlgorithm = oidOf(children(fields[i++])[0]);
  if (!RSA_SIGNATURES.has(signatureAlgorithm)) malformed(`unsupported signature algorithm ${signatureAlgorithm}`);
  const signatureNode = fields[i] ?? malformed("the SignerInfo has no signature");
  if (signatureNode.type !== asn1.Type.OCTETSTRING) malformed("the signature is not an OCTET STRING");
  const signature = binary(signatureNode.value);

  // The signer's certificate: the one whose issuer and serial number match the SignerInfo's.
  const certNodes = message.rawCapture.certificates ? children(message.rawCapture.certificates) : [];
  let certIndex = certNodes.length === 1 ? 0 : -1;
  if (sid?.tagClass === asn1.Class.UNIVERSAL && sid.type === asn1.Type.SEQUENCE) {
    const [issuer, serial] = children(sid);
    const found = certNodes.findIndex((node) => {
      const tbs = children(children(node)[0]);
      const offset = tbs[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
      return binary(tbs[offset].value).equals(binary(serial.value)) && toDer(tbs[offset + 2]).equals(toDer(issuer));
    });
    if (found >= 0) certIndex = found;
  }
  if (certIndex < 0) malformed("the signer's certificate is not in the signature");
  const certificateDer = toDer(certNodes[certIndex]);
  const x509 = new X509Certificate(certificateDer);
  const forgeCertificate = message.certificates[certIndex];

  const result: SignerData = {
    hash,
    publicKey: x509.publicKey,
    signature,
    fingerprint: createHash("sha256").update(certificateDer).digest("hex"),
    name: forgeCertificate ? certificateName(forgeCertificate.subject) : x509.subject,
  };
  if (signedAttributesNode) {
    // RFC 5652 5.4: the signature covers the DER of the attributes with an EXPLICIT SET OF tag (0x31).
    const encoded = toDer(signedAttributesNode);
    encoded[0] = 0x31;
    result.signedAttributes = encoded;
    for (const attribute of children(signedAttributesNode)) {
      const [type, values] = children(attribute);
      const value = children(values)[0];
      const id = oidOf(type);
      if (id === OID.messageDigest && value?.type === asn1.Type.OCTETSTRING) result.messageDigest = binary(value.value);
      if (id === OID.signingTime && value) result.signedAt = readTime(value);
    }
  }
  return result;
}

function readTime(node: Asn1): Date | undefined {
  if (typeof node.value !== "string") return undefined;
  const text = decodeAttributeValue(node.value, node.type as number);
  const date =
    node.type === asn1.Type.UTCTIME
      ? asn1.utcTimeToDate(text)
      : node.type === asn1.Type.GENERALIZEDTIME
        ? asn1.generalizedTimeToDate(text)
        : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
