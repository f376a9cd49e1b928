import { createHash } from "node:crypto";
import sharp from "sharp";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { ForbiddenError, RuleError } from "../errors";

// Each upload is decoded once: libvips's operation cache (up to 50 MB by default) would only hold memory.
sharp.cache(false);

/** A file as it arrived: its bytes and the name the person's computer gave it (never trusted). */
export type IncomingFile = { bytes: Buffer; filename: string };

export type FileType = "jpeg" | "png" | "pdf";

/** What one upload field accepts. `field` is the form field that errors are shown against. */
export type UploadPolicy = { accept: readonly FileType[]; maxBytes: number };

export const UPLOAD_POLICIES = {
  /** A passport-style photograph for the photo ID card. */
  photo: { accept: ["jpeg", "png"], maxBytes: 5 * 1024 * 1024 },
  /** A scan or photo of a document or certificate. */
  document: { accept: ["jpeg", "png", "pdf"], maxBytes: 10 * 1024 * 1024 },
} as const satisfies Record<string, UploadPolicy>;

/** Images larger than this on their long edge are scaled down (plenty for a photo card or a readable scan). */
const MAX_IMAGE_EDGE = 1200;
/** Refuse to decode images beyond this many pixels (a "decompression bomb" defence). */
const MAX_INPUT_PIXELS = 50_000_000;

const CONTENT_TYPES: Record<FileType, string> = { jpeg: "image/jpeg", png: "image/png", pdf: "application/pdf" };
const EXTENSIONS: Record<FileType, string> = { jpeg: "jpg", png: "png", pdf: "pdf" };
const NAMES: Record<FileType, string> = { jpeg: "JPG", png: "PNG", pdf: "PDF" };

/** The file's real type from its first bytes, whatever its name says. */
function sniffFileType(bytes: Buffer): FileType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  return null;
}

/** "a JPG or PNG", "a JPG, PNG or PDF". */
function acceptedTypesText(accept: readonly FileType[]) {
  const names = accept.map((t) => NAMES[t]);
  return `a ${names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}` : names[0]}`;
}

export function tooLargeMessage(maxBytes: number) {
  return `The selected file must be smaller than ${Math.round(maxBytes / (1024 * 1024))} MB`;
}

/** A safe display name: no folders, no control or odd characters, at most 100 characters, the real extension. */
export function sanitiseFilename(filename: string, type: FileType) {
  const base = filename.split(/[/\\]/).pop() ?? "";
  const stem = base
    .replace(/\.[^.]*$/, "")
    .normalize("NFKC")
    .replace(/[^A-Za-z0-9 ._()-]+/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^[\s.-]+|[\s.-]+$/g, "")
    .slice(0, 90);
  return `${stem || "upload"}.${EXTENSIONS[type]}`;
}

export type PreparedUpload = { bytes: Buffer; contentType: string; filename: string; size: number; sha256: string };

/**
 * Checks a file by its first bytes and size, and re-encodes images: rotated upright, scaled to at most
 * MAX_IMAGE_EDGE pixels and written fresh, which drops EXIF (including GPS location) and all other metadata.
 * PDFs are kept as they are. Throws a RuleError against `field` with a GOV.UK message.
 */
export async function prepareUpload(file: IncomingFile, policy: UploadPolicy, field: string): Promise<PreparedUpload> {
  const typesMessage = `The selected file must be ${acceptedTypesText(policy.accept)}`;
  if (file.bytes.length === 0) throw RuleError.field(field, "The selected file is empty");
  if (file.bytes.length > policy.maxBytes) throw RuleError.field(field, tooLargeMessage(policy.maxBytes));
  const type = sniffFileType(file.bytes);
  if (!type || !policy.accept.includes(type)) throw RuleError.field(field, typesMessage);

  let bytes = file.bytes;
  if (type !== "pdf") {
    try {
      const image = sharp(file.bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" });
      const { format } = await image.metadata();
      if (format !== type) throw new Error(`decoded as ${format}`);
      const upright = image.rotate().resize({ width: MAX_IMAGE_EDGE, height: MAX_IMAGE_EDGE, fit: "inside", withoutEnlargement: true });
      bytes = type === "jpeg" ? await upright.jpeg({ quality: 85 }).toBuffer() : await upright.png({ compressionLevel: 9 }).toBuffer();
    } catch {
      // Right first bytes but not a readable image: a damaged or disguised file.
      throw RuleError.field(field, typesMessage);
    }
  }
  return {
    bytes,
    contentType: CONTENT_TYPES[type],
    filename: sanitiseFilename(file.filename, type),
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** Writes a prepared upload and its audit row inside the caller's transaction. */
export async function insertUpload(tx: Db, actor: Actor, prepared: PreparedUpload, purpose: string) {
  const [row] = await tx
    .insert(uploads)
    .values({ ownerUserId: actor.userId, purpose, ...prepared })
    .returning({ id: uploads.id, filename: uploads.filename, contentType: uploads.contentType, size: uploads.size, sha256: uploads.sha256 });
  await recordAudit(tx, actor, {
    action: "upload.stored",
    recordType: "upload",
    recordId: row.id,
    after: { purpose, filename: row.filename, contentType: row.contentType, size: row.size, sha256: row.sha256 },
  });
  return row;
}

/** Checks, re-encodes and stores one file for a signed-in person; returns the stored upload's id and details. */
export async function storeUpload(db: Db, actor: Actor, input: { file: IncomingFile; purpose: string; policy: UploadPolicy; field: string }) {
  if (!actor.userId) throw new ForbiddenError();
  const prepared = await prepareUpload(input.file, input.policy, input.field);
  return db.transaction((tx) => insertUpload(tx, actor, prepared, input.purpose));
}
