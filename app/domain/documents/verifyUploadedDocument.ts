import { eq } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import { findPublicDocument, type PublicDocument } from "./findPublicDocument";
import { signingIdentity } from "./signing";
import { verifySignedPdf } from "./verifySignature";

export type UploadVerdict =
  | { outcome: "genuine"; document: PublicDocument }
  | { outcome: "altered"; document: PublicDocument | null }
  | { outcome: "unknown"; reason: "unsigned" | "unknown-signer" | "not-registered" };

/**
 * Is an uploaded PDF one of ours, unchanged? Genuine = the signature is intact, made by a known authority
 * certificate, and the file's SHA-256 is in the register.
 */
export async function verifyUploadedDocument(db: Db, bytes: Buffer): Promise<UploadVerdict> {
  const check = verifySignedPdf(bytes);
  const [registered] = await db
    .select({ reference: issuedDocuments.reference })
    .from(issuedDocuments)
    .where(eq(issuedDocuments.sha256, check.sha256));
  if (check.status === "unsigned" || check.status === "malformed") return { outcome: "unknown", reason: "unsigned" };
  const known = new Set<string>();
  for (const authority of await db.select({ code: authorities.code, name: authorities.name }).from(authorities)) {
    known.add((await signingIdentity(authority)).fingerprint);
  }
  if (!check.signerFingerprint || !known.has(check.signerFingerprint)) return { outcome: "unknown", reason: "unknown-signer" };
  if (check.status === "altered") {
    // Which document it claims to be: the reference written in the signature dictionary.
    const reference = bytes.toString("latin1").match(/[A-Z0-9]{2,8}-(?:PL|EP|CL|BA|EX)-\d{4}-\d{6}/)?.[0] ?? null;
    return { outcome: "altered", document: reference ? await findPublicDocument(db, reference) : null };
  }
  if (!registered) return { outcome: "unknown", reason: "not-registered" };
  return { outcome: "genuine", document: (await findPublicDocument(db, registered.reference))! };
}
