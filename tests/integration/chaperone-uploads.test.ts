import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { chaperoneApplications } from "#db/schema/chaperones";
import { uploads } from "#db/schema/uploads";
import { saveApplicationSection } from "~/domain/chaperones/saveApplicationSection";
import { startChaperoneApplication } from "~/domain/chaperones/startChaperoneApplication";
import { NotFoundError, RuleError } from "~/domain/errors";
import { getMyUpload } from "~/domain/uploads/getMyUpload";
import { sanitiseFilename, storeUpload, UPLOAD_POLICIES } from "~/domain/uploads/storeUpload";
import { auditFor } from "../factories";
import { useTestDatabase } from "../setup/db";
import { createChaperone, pngPhoto, setUpCouncil } from "./chaperone-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const TODAY = "2026-11-23";

async function photoErrors(actor: Awaited<ReturnType<typeof createChaperone>>["actor"], bytes: Buffer, filename = "photo.jpg") {
  const error = await saveApplicationSection(db(), actor, { section: "photo", photo: { bytes, filename } }, { today: TODAY }).then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(RuleError);
  return (error as RuleError).fieldErrors;
}

async function chaperoneWithDraft() {
  await setUpCouncil(db());
  const chaperone = await createChaperone(db());
  const { applicationId } = await startChaperoneApplication(db(), chaperone.actor);
  return { ...chaperone, applicationId };
}

/** A phone-camera-like JPEG: large, with a camera make, a copyright and a GPS position in its EXIF. */
async function jpegWithLocation() {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 120, b: 90 } } })
    .jpeg()
    .withExif({ IFD0: { Copyright: "x", Make: "PhoneCo" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
    .toBuffer();
}

describe("photograph uploads", () => {
  it("refuses a program renamed to .jpg, by its first bytes", async () => {
    const { actor } = await chaperoneWithDraft();
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(4096, 0x41)]);
    expect(await photoErrors(actor, exe, "holiday.jpg")).toEqual({ photo: ["The selected file must be a JPG or PNG"] });
  });

  it("refuses a file that starts like a JPEG but is not one", async () => {
    const { actor } = await chaperoneWithDraft();
    expect(await photoErrors(actor, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]))).toEqual({
      photo: ["The selected file must be a JPG or PNG"],
    });
  });

  it("refuses a PDF as a photograph", async () => {
    const { actor } = await chaperoneWithDraft();
    expect(await photoErrors(actor, Buffer.from("%PDF-1.7\n%âãÏÓ\n"), "me.pdf")).toEqual({ photo: ["The selected file must be a JPG or PNG"] });
  });

  it("refuses a 20 MB photograph", async () => {
    const { actor } = await chaperoneWithDraft();
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(20 * 1024 * 1024)]);
    expect(await photoErrors(actor, big)).toEqual({ photo: ["The selected file must be smaller than 5 MB"] });
  });

  it("asks for a photograph when none is chosen, and for a file with something in it", async () => {
    const { actor } = await chaperoneWithDraft();
    expect(
      await saveApplicationSection(db(), actor, { section: "photo", photo: null }, { today: TODAY }).then(
        () => null,
        (e: RuleError) => e.fieldErrors,
      ),
    ).toEqual({ photo: ["Select a photograph"] });
    expect(await photoErrors(actor, Buffer.alloc(0))).toEqual({ photo: ["The selected file is empty"] });
    expect(await db().select({ id: uploads.id }).from(uploads)).toEqual([]);
  });

  it("re-encodes a JPEG without its EXIF and GPS data, at most 1200 pixels on its long edge", async () => {
    const { actor, applicationId } = await chaperoneWithDraft();
    const original = await jpegWithLocation();
    expect((await sharp(original).metadata()).exif).toBeDefined();

    await saveApplicationSection(db(), actor, { section: "photo", photo: { bytes: original, filename: "C:\\Users\\me\\IMG_0001 (1).JPG" } }, { today: TODAY });
    const [application] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, applicationId));
    const [stored] = await db().select().from(uploads).where(eq(uploads.id, application.photoUploadId!));
    const meta = await sharp(stored.bytes).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 1200, height: 800 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(stored.bytes.includes(Buffer.from("PhoneCo"))).toBe(false);
    expect(stored).toMatchObject({
      ownerUserId: actor.userId,
      purpose: "chaperone-photo",
      filename: "IMG_0001 (1).jpg",
      contentType: "image/jpeg",
      size: stored.bytes.length,
      sha256: createHash("sha256").update(stored.bytes).digest("hex"),
    });
    const [audit] = await auditFor(db(), "upload", stored.id);
    expect(audit).toMatchObject({ action: "upload.stored", after: { purpose: "chaperone-photo", sha256: stored.sha256 } });
  });

  it("keeps a PNG a PNG, and a small image its size", async () => {
    const { actor } = await chaperoneWithDraft();
    const { id } = await storeUpload(db(), actor, { file: { bytes: await pngPhoto(300, 400), filename: "me.png" }, purpose: "test", policy: UPLOAD_POLICIES.photo, field: "photo" });
    const [stored] = await db().select().from(uploads).where(eq(uploads.id, id));
    expect(await sharp(stored.bytes).metadata()).toMatchObject({ format: "png", width: 300, height: 400 });
    expect(stored.contentType).toBe("image/png");
  });
});

describe("identity and certificate uploads", () => {
  it("accepts a PDF scan up to 10 MB and refuses anything else", async () => {
    const { actor, applicationId } = await chaperoneWithDraft();
    const identity = { section: "identity" as const, documentTypes: ["passport", "utility-bill", "bank-statement"] };
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
    const refuse = async (bytes: Buffer) =>
      saveApplicationSection(db(), actor, { ...identity, scan: { bytes, filename: "scan.pdf" } }, { today: TODAY }).then(
        () => null,
        (e: RuleError) => e.fieldErrors,
      );
    expect(await refuse(Buffer.from("PK\x03\x04 a zip file"))).toEqual({ scan: ["The selected file must be a JPG, PNG or PDF"] });
    expect(await refuse(Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]))).toEqual({ scan: ["The selected file must be smaller than 10 MB"] });
    // both problems at once: the page shows them together
    expect(
      await saveApplicationSection(db(), actor, { section: "identity", documentTypes: ["passport"], scan: null }, { today: TODAY }).then(
        () => null,
        (e: RuleError) => e.fieldErrors,
      ),
    ).toEqual({ documentTypes: ["Select 3 documents you will bring to your interview"], scan: ["Select a scan or photo of one of your identity documents"] });

    await saveApplicationSection(db(), actor, { ...identity, scan: { bytes: pdf, filename: "../../etc/passwd" } }, { today: TODAY });
    const [application] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, applicationId));
    const [stored] = await db().select().from(uploads).where(eq(uploads.id, application.identityUploadIds[0]));
    expect(stored).toMatchObject({ contentType: "application/pdf", filename: "passwd.pdf", purpose: "chaperone-identity" });
    expect(stored.bytes.equals(pdf)).toBe(true);

    // Saving again without a new file keeps the scan; the choice of documents can change.
    await saveApplicationSection(db(), actor, { ...identity, documentTypes: ["passport", "driving-licence", "birth-certificate"] }, { today: TODAY });
    const [again] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, applicationId));
    expect(again.identityUploadIds).toEqual(application.identityUploadIds);
    expect(again.identityDocumentTypes).toEqual(["passport", "driving-licence", "birth-certificate"]);
  });

  it("lets only the owner read an upload back", async () => {
    const { actor } = await chaperoneWithDraft();
    const other = await createChaperone(db(), { name: "Other" });
    const { id } = await storeUpload(db(), actor, { file: { bytes: await pngPhoto(), filename: "me.png" }, purpose: "test", policy: UPLOAD_POLICIES.photo, field: "photo" });
    expect((await getMyUpload(db(), actor, id)).contentType).toBe("image/png");
    await expect(getMyUpload(db(), other.actor, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("sanitiseFilename", () => {
  it("keeps a safe display name with the real extension", () => {
    expect(sanitiseFilename("/tmp/../my photo.exe", "jpeg")).toBe("my photo.jpg");
    expect(sanitiseFilename('a<b>"c"\u0000.png', "png")).toBe("a-b-c.png");
    expect(sanitiseFilename("<script>alert(1)</script>.png", "png")).toBe("script.png");
    expect(sanitiseFilename("", "pdf")).toBe("upload.pdf");
    expect(sanitiseFilename("a".repeat(300), "pdf")).toHaveLength(94);
  });
});
