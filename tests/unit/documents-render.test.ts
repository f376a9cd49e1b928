import { formatDate } from "~/domain/calendar/dates";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import type { DocumentContent } from "~/domain/documents/content";
import { demoPhoto } from "~/domain/documents/demoPhoto";
import { DOCUMENT_KIND_NAMES, DOCUMENT_KINDS, type DocumentKind, formatReference } from "~/domain/documents/kinds";
import { qrSymbol } from "~/domain/documents/qr";
import { renderDocument, toWinAnsi, wrapText } from "~/domain/documents/render";

const dir = mkdtempSync(path.join(tmpdir(), "documents-render-"));
/** Set DOCUMENTS_SAMPLE_DIR to keep the sample PDFs (e.g. to look at them with pdftoppm). */
const keep = process.env.DOCUMENTS_SAMPLE_DIR;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const has = (tool: string) => existsSync(`/usr/bin/${tool}`) || existsSync(`/usr/local/bin/${tool}`);
const canExtract = has("pdftotext");
const canDecodeQr = has("zbarimg") && has("pdftoppm");
if (!canExtract) console.warn("pdftotext (poppler-utils) is missing: the text of the documents is not checked");
if (!canDecodeQr) console.warn("zbarimg (zbar-tools) is missing: the QR codes are not decoded");

/** Pages of each sample: the document, plus a card page for the permit and the chaperone approval. */
const PAGES: Record<DocumentKind, number> = {
  "performance-licence": 2,
  "employment-permit": 2 + 1,
  "chaperone-licence": 1 + 1,
  "bopa-approval": 1,
  "exemption-record": 1,
};

const SEQUENCE: Record<DocumentKind, number> = {
  "performance-licence": 42,
  "employment-permit": 7,
  "chaperone-licence": 1203,
  "bopa-approval": 15,
  "exemption-record": 311,
};

function sample(kind: DocumentKind, options: { photos?: boolean; specimen?: boolean; scheduleRows?: number } = {}): DocumentContent {
  const { photos = true, specimen = false, scheduleRows = 10 } = options;
  const reference = formatReference("NRT", kind, 2026, SEQUENCE[kind]);
  const base = {
    kind,
    reference,
    verifyUrl: `https://licensing.northtown.example.gov.uk/verify/${reference}`,
    specimen,
    authority: { name: "Northtown Borough Council", code: "NRT" },
    validFrom: "2026-12-01",
    validTo: "2027-01-31",
    issuedBy: { name: "Priya Shah", role: "Child Employment and Entertainment Officer" },
    issuedAt: "2026-11-20T10:15:00Z",
  };
  const child = { name: "Amelia Rose Johnson", dateOfBirth: "2015-03-14", photo: photos ? demoPhoto("amelia") : undefined };
  switch (kind) {
    case "performance-licence":
      return {
        ...base,
        holder: {
          name: "Lantern Stage Productions Ltd",
          description: "Producer of the production; responsible for the child at all times during the licence.",
        },
        child,
        details: [
          { label: "Production", value: "The Snow Queen (Christmas pantomime)" },
          { label: "Venue", value: "Northtown Playhouse, 12 Market Street, Northtown NT1 4AB" },
          { label: "Type of performance", value: "Live theatre, with a charge for admission" },
          { label: "Payment", value: "£45 per performance, paid into the child's savings account" },
          { label: "Absence from school", value: "Up to 4 days, agreed with Northtown Primary School (register code C1)" },
          { label: "Chaperone", value: "Margaret Ellis (NRT-CL-2026-001203)" },
          { label: "Education", value: "Not needed: the performances fall in the school holidays except for 4 days" },
        ],
        conditions: [
          "The child must be in the care of the named chaperone, or a parent, at all times while at the venue.",
          "The child must not be at the place of performance before 07:00 or after 23:00, and not for more than 9 hours 30 minutes in a day.",
          "The child must have a meal break of at least 45 minutes and a rest break of at least 15 minutes when at the place of performance for 4 hours or more.",
          "The licence holder must keep daily records of hours, breaks, tuition and earnings, and keep them for 6 months after the last performance.",
          "The licence holder must tell the authority at once about any illness or injury to the child.",
        ],
        schedule: {
          caption: "Performance schedule",
          head: ["Date", "Arrive", "Leave", "Performing", "Notes"],
          rows: Array.from({ length: scheduleRows }, (_, i) => [
            formatDate(`2026-12-${String(i + 5).padStart(2, "0")}`),
            i % 3 === 0 ? "09:30" : "13:00",
            i % 3 === 0 ? "17:00" : "21:30",
            i % 3 === 0 ? "2 h 30 min" : "3 h",
            i % 4 === 0 ? "Matinee and evening: two performances with a 45-minute meal break between them" : "",
          ]),
        },
      };
    case "employment-permit":
      return {
        ...base,
        holder: { name: "Corner Shop Newsagents", description: "Employer, 4 Station Road, Northtown NT2 7CD" },
        child: { ...child, name: "Oliver Mensah", dateOfBirth: "2012-09-02" },
        details: [
          { label: "Employer", value: "Corner Shop Newsagents" },
          { label: "Occupation", value: "Newspaper delivery" },
          { label: "Place of work", value: "Delivery rounds from 4 Station Road, Northtown" },
          { label: "School", value: "Northtown Academy" },
        ],
        conditions: [
          "No work before 07:00 or after 19:00, and not during school hours.",
          "No more than 2 hours on a school day or a Sunday.",
          "A reflective vest must be worn on delivery rounds.",
        ],
        schedule: {
          caption: "Hours of work",
          head: ["Day", "Hours", "Total"],
          rows: [
            ["Monday to Friday", "07:00 to 08:00", "1 hour"],
            ["Saturday", "07:00 to 09:00", "2 hours"],
            ["Sunday", "None", ""],
          ],
        },
      };
    case "chaperone-licence":
      return {
        ...base,
        validTo: "2029-11-30",
        holder: { name: "Margaret Ellis", description: "Approved to act as a chaperone for children taking part in performances and activities." },
        holderPhoto: photos ? demoPhoto("margaret") : undefined,
        details: [
          { label: "DBS certificate", value: "Enhanced with children's barred list, issued 2 October 2026; on the Update Service" },
          { label: "Limits", value: "None" },
        ],
        conditions: [
          "Look after no more than 12 children at once, or 3 if also acting as their tutor.",
          "Tell the authority within 7 days of any arrest, conviction, serious illness, or change of name, address or phone number.",
        ],
      };
    case "bopa-approval":
      return {
        ...base,
        validTo: "2027-11-30",
        holder: { name: "Northtown Youth Theatre CIC", description: "Community youth theatre, Unit 3, Mill Lane, Northtown" },
        details: [
          { label: "Performances", value: "Spring showcase and summer musical at Northtown Arts Centre" },
          { label: "Safeguarding lead", value: "Daniel Okafor" },
        ],
        conditions: [
          "No payment may be made to a child or anyone on the child's behalf, other than expenses.",
          "Only chaperones approved by a local authority may be used.",
          "Notify the authority of each performance and the children taking part at least 21 days before.",
        ],
      };
    case "exemption-record":
      return {
        ...base,
        validFrom: "2026-12-12",
        validTo: "2026-12-12",
        holder: { name: "St Mary's Dance School", description: "Organiser of the performance" },
        child,
        details: [
          { label: "Basis", value: "Four-day rule (EXEMPT-4DAY): no payment, and no more than 3 days of performances in the previous 6 months" },
          { label: "Days counted", value: "14 June 2026, 12 September 2026" },
          { label: "Performance", value: "Winter dance display, Northtown Arts Centre" },
        ],
        conditions: [],
      };
  }
}

/** Content that stresses the layout: long names everywhere, a wide schedule, no child, nothing optional. */
function awkward(): DocumentContent {
  const base = sample("employment-permit");
  return {
    ...base,
    specimen: true,
    authority: { name: "The Royal Borough of Windsor and Maidenhead and the Council of the Isles of Scilly", code: "RBWMSCIL" },
    reference: formatReference("RBWMSCIL", "employment-permit", 2026, 999999),
    holder: { name: "The Extremely Long Named Newsagents, Confectioners and Tobacconists Partnership (Northtown) Limited" },
    child: undefined,
    details: [{ label: "A label that is itself rather long and wraps", value: "Short" }],
    conditions: [],
    schedule: {
      caption: "A schedule with a caption long enough that it has to wrap onto a second line at this size of type",
      head: ["Date", "Arrive", "Leave", "On stage", "Rehearsal", "Tuition", "Breaks", "Chaperone", "Notes"],
      rows: Array.from({ length: 40 }, (_, i) => [
        formatDate(`2027-01-${String((i % 28) + 1).padStart(2, "0")}`),
        "09:30",
        "17:00",
        "2 h 30 min",
        "1 h",
        "3 h",
        "45 min meal, 2 × 15 min rest",
        "Margaret Ellis",
        i % 5 === 0 ? "Supercalifragilisticexpialidocious-unbreakable-words-everywhere" : "",
      ]),
    },
    issuedBy: { name: "Priya Shah-Montgomery-Fotheringham", role: "Senior Child Employment and Entertainment Officer (Education Welfare Service)" },
  };
}

async function save(content: DocumentContent, name: string) {
  const pdf = await renderDocument(content);
  const pages = pdf.getPageCount();
  const bytes = await pdf.save({ useObjectStreams: false });
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  if (keep) {
    mkdirSync(keep, { recursive: true });
    writeFileSync(path.join(keep, `${name}.pdf`), bytes);
  }
  return { file, pages, bytes };
}

const text = (file: string) => execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
/** Text with all whitespace removed: wrapped lines and the layout's column gaps don't matter. */
const squeeze = (s: string) => s.replace(/\s+/g, "");

/** A binary PGM (P5) as written by `pdftoppm -gray`. */
function readPgm(file: string) {
  const bytes = readFileSync(file);
  const [, width, height, max] = bytes.subarray(0, 64).toString("latin1").split(/\s+/).map(Number);
  expect(max).toBe(255);
  // The pixels are the last width × height bytes, after the text header.
  return { width, height, pixels: bytes.subarray(bytes.length - width * height) };
}

/** The QR codes zbarimg finds on the pages of `file` rendered at `dpi` (or only on page `page`). */
function decodeQr(file: string, dpi: number, page?: number) {
  const prefix = path.join(dir, `${path.basename(file, ".pdf")}-${dpi}-${page ?? "all"}`);
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  execFileSync("pdftoppm", ["-r", String(dpi), "-png", ...range, file, prefix]);
  const images = readdirSync(dir)
    .filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith(".png"))
    .map((f) => path.join(dir, f));
  const found: string[] = [];
  for (const image of images) {
    try {
      const out = execFileSync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", image], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
      found.push(...out.split("\n").filter(Boolean));
    } catch {
      // zbarimg exits 4 when it finds no code on a page
    }
  }
  return found;
}

describe("renderDocument", () => {
  for (const kind of DOCUMENT_KIND_NAMES) {
    describe(kind, () => {
      it("renders with photographs, with the reference, the verify URL and a readable QR code", async () => {
        const content = sample(kind);
        const { file, pages } = await save(content, kind);
        expect(pages).toBe(PAGES[kind]);
        if (!canExtract) return;
        const all = text(file);
        expect(squeeze(all)).toContain(squeeze(content.reference));
        expect(squeeze(all)).toContain(squeeze(`Check this document is genuine at ${content.verifyUrl}`));
        expect(all).toContain(DOCUMENT_KINDS[kind].title);
        expect(all).toContain("Valid from");
        expect(all).toMatch(/Page 1 of \d/);
        expect(all).not.toContain("SPECIMEN");
        expect(all).not.toContain("development certificate");
        if (content.child) expect(all).toContain(formatDate(content.child.dateOfBirth));
        if (canDecodeQr) {
          const codes = decodeQr(file, 150);
          expect(codes.length).toBeGreaterThanOrEqual(1);
          for (const code of codes) expect(code).toBe(content.verifyUrl);
          // The card's smaller code (15 mm) needs a little more resolution than zbarimg gets at 150 dpi.
          if (DOCUMENT_KINDS[kind].card) expect(decodeQr(file, 200, pages)).toEqual([content.verifyUrl]);
        }
      });

      it("renders without photographs, as a specimen", async () => {
        const content = { ...sample(kind, { photos: false }), specimen: true };
        const { file, pages } = await save(content, `${kind}-specimen`);
        expect(pages).toBe(PAGES[kind]);
        if (!canExtract) return;
        const all = text(file);
        expect(squeeze(all)).toContain(squeeze(content.reference));
        expect(all).toContain("development certificate");
        expect(all.match(/SPECIMEN – signed with a development certificate/g)?.length).toBe(pages);
        if (DOCUMENT_KINDS[kind].concernsChild || kind === "chaperone-licence") expect(all).toContain("No photograph");
        // The translucent specimen mark may cross the code; it must still scan.
        if (canDecodeQr) expect(decodeQr(file, 150)).toContain(content.verifyUrl);
      });
    });
  }

  it("adds a card page for the permit and the chaperone's photo ID only", async () => {
    if (!canExtract) return;
    const cards: Record<DocumentKind, string | null> = {
      "performance-licence": null,
      "employment-permit": "Permit card",
      "chaperone-licence": "Photo ID card",
      "bopa-approval": null,
      "exemption-record": null,
    };
    for (const kind of DOCUMENT_KIND_NAMES) {
      const content = sample(kind);
      const { file, pages } = await save(content, `${kind}-card`);
      const last = execFileSync("pdftotext", ["-f", String(pages), "-l", String(pages), file, "-"], { encoding: "utf8" });
      const before = execFileSync("pdftotext", ["-l", String(pages - 1 || 1), file, "-"], { encoding: "utf8" });
      const heading = cards[kind];
      if (heading) {
        expect(pages, kind).toBeGreaterThanOrEqual(2);
        expect(last, kind).toContain(heading);
        expect(last, kind).toContain("Cut out the card along the marks");
        expect(squeeze(last), kind).toContain(squeeze(content.reference));
        expect(before, kind).not.toContain("Cut out the card");
      } else {
        expect(`${before}${last}`, kind).not.toContain("Cut out the card");
      }
    }
    const permit = execFileSync("pdftotext", [path.join(dir, "employment-permit-card.pdf"), "-"], { encoding: "utf8" });
    expect(permit).toContain("Child employment permit");
    expect(permit).toContain("Corner Shop Newsagents");
    const chaperone = execFileSync("pdftotext", [path.join(dir, "chaperone-licence-card.pdf"), "-"], { encoding: "utf8" });
    expect(chaperone).toContain("Approved chaperone");
    expect(chaperone).toContain("30 November 2029");
  });

  it("prints nothing in the outer 15 mm of any page", async () => {
    if (!has("pdftoppm")) return;
    const dpi = 50;
    const edge = Math.floor((15 / 25.4) * dpi) - 1; // pixels, less one for anti-aliasing
    const documents = DOCUMENT_KIND_NAMES.map((kind) => ({ name: `${kind}-margins`, content: { ...sample(kind), specimen: true } }));
    documents.push({ name: "awkward-margins", content: awkward() });
    for (const { name, content } of documents) {
      const { file } = await save(content, name);
      execFileSync("pdftoppm", ["-r", String(dpi), "-gray", file, path.join(dir, name)]);
      for (const image of readdirSync(dir).filter((f) => f.startsWith(name) && f.endsWith(".pgm"))) {
        const { width, height, pixels } = readPgm(path.join(dir, image));
        let marked = 0;
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const inMargin = x < edge || y < edge || x >= width - edge || y >= height - edge;
            if (inMargin && pixels[y * width + x] < 250) marked++;
          }
        }
        expect(marked, image).toBe(0);
      }
    }
  });

  it("continues a long schedule on new pages, repeating the header and reference", async () => {
    const content = sample("performance-licence", { scheduleRows: 90 });
    const { file, pages } = await save(content, "long-schedule");
    expect(pages).toBeGreaterThanOrEqual(3);
    if (!canExtract) return;
    const all = text(file);
    expect(all.split(content.reference).length - 1).toBeGreaterThanOrEqual(pages);
    expect(all).toContain("Performance schedule (continued)");
    expect(all).toContain(`Page ${pages} of ${pages}`);
  });

  it("never throws on text outside WinAnsi, and keeps long values on the page", async () => {
    const base = sample("employment-permit");
    const content: DocumentContent = {
      ...base,
      holder: { name: "Zoë Ødegaard 🎭 Łukasz Šťastný", description: "Producer 制作 — “quotes” ‘and’ … ✓\nSecond line" },
      child: { ...base.child!, name: "Zoë 👩🏽‍🎤 Nguyễn" },
      details: [
        ...base.details,
        { label: "Restrictions", value: "A very long restriction that goes on and on ".repeat(40) },
        { label: "Website", value: `https://example.com/${"a-very-long-path-segment/".repeat(12)}` },
      ],
      conditions: ["Κανένα", "x".repeat(400), ...Array.from({ length: 30 }, (_, i) => `Condition ${i + 1}: ${"be careful ".repeat(12)}`)],
      issuedBy: { name: "Søren Ærø", role: "Officer\tin charge\u0000" },
    };
    const { file, pages } = await save(content, "unicode");
    expect(pages).toBeGreaterThanOrEqual(3);
    if (!canExtract) return;
    const all = text(file);
    expect(all).toContain("Zoë Ødegaard ? ?ukasz Š?astný");
    expect(all).toContain("Søren Ærø");
    expect(all).toContain("Zoë ?? Nguy?n"); // woman, skin tone, joiner, microphone: two unknown characters
  });
});

describe("text helpers", () => {
  it("replaces characters outside WinAnsi", () => {
    expect(toWinAnsi("Zoë Ødegaard")).toBe("Zoë Ødegaard");
    expect(toWinAnsi("Zoe\u0308")).toBe("Zoë"); // decomposed: composed by NFC
    expect(toWinAnsi("Amy 🎭 Li")).toBe("Amy ? Li");
    expect(toWinAnsi("👨‍👩‍👧")).toBe("???");
    expect(toWinAnsi("SPECIMEN – not valid")).toBe("SPECIMEN – not valid");
    expect(toWinAnsi("a\nb")).toBe("a b");
    expect(toWinAnsi("a\r\nb", true)).toBe("a\nb");
  });

  it("formats dates", () => {
    expect(formatDate("2015-03-14")).toBe("14 March 2015");
    expect(formatDate("2026-12-01")).toBe("1 December 2026");
    expect(formatDate("soon")).toBe("soon");
  });

  it("wraps words and breaks over-long ones", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const source = `Check at https://example.com/${"segment/".repeat(20)} now`;
    const lines = wrapText(source, font, 10, 150);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(150.01);
    expect(squeeze(lines.join(" "))).toBe(squeeze(source));
    expect(lines.some((line) => line.endsWith("/"))).toBe(true); // broken after a "/"
    expect(wrapText("one\ntwo", font, 10, 150)).toEqual(["one", "two"]);
  });

  it("encodes the verify URL as a QR code", () => {
    const url = "https://licensing.northtown.example.gov.uk/verify/NRT-PL-2026-000042";
    const symbol = qrSymbol(url);
    expect(symbol.size).toBeGreaterThanOrEqual(21);
    expect(symbol.content.split("\n").filter((op) => op.endsWith(" re"))).toHaveLength(symbol.runs);
    expect(qrSymbol(url)).toBe(symbol); // memoised
  });
});

describe("demoPhoto", () => {
  it("makes a valid PNG that pdf-lib can embed, varied by seed", async () => {
    const a = demoPhoto("a");
    const b = demoPhoto("b");
    expect(a.type).toBe("png");
    expect([...a.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(false);
    expect(Buffer.from(demoPhoto("a").bytes).equals(Buffer.from(a.bytes))).toBe(true);
    const image = await (await PDFDocument.create()).embedPng(a.bytes);
    expect([image.width, image.height]).toEqual([140, 180]);
  });
});
