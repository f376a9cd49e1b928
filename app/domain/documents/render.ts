import {
  type Color,
  PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFPage,
  StandardFonts,
  degrees,
  rgb,
} from "pdf-lib";
import { formatDate } from "../calendar/dates";
import type { DocumentContent, Image } from "./content";
import { DOCUMENT_KINDS, type DocumentKind } from "./kinds";
import { drawQrCode, quietZone } from "./qr";

/*
 * Renders a document as an unsigned, unsaved PDF: A4 portrait, standard fonts only (WinAnsi text), nothing printed
 * in the outer 18 mm. Coordinates are PDF points from the bottom-left corner; the layout cursor `y` is the top edge
 * of the next thing to draw.
 */

const MM = 72 / 25.4;
const PAGE_SIZE: [number, number] = [595.28, 841.89];
const [PAGE_W, PAGE_H] = PAGE_SIZE;
const MARGIN = 18 * MM;
const LEFT = MARGIN;
const WIDTH = PAGE_W - 2 * MARGIN;
const BAND_H = 30;
const STRIPE_H = 4;
/** Where content starts below the header band, and where it must stop above the footer. */
const TOP = PAGE_H - MARGIN - BAND_H - STRIPE_H - 18;
const BOTTOM = MARGIN + 36;

const PHOTO_W = 35 * MM;
const PHOTO_H = 45 * MM;
const QR_SIZE = 26 * MM;
const CARD_W = 85.6 * MM;
const CARD_H = 54 * MM;

// GOV.UK Design System colours.
const hex = (value: number) => rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255);
const INK = hex(0x0b0c0c);
const SECONDARY = hex(0x505a5f);
const BORDER = hex(0xb1b4b6);
const LIGHT = hex(0xf3f2f1);
const BLUE = hex(0x1d70b8);
const RED = hex(0xd4351c);
const WHITE = rgb(1, 1, 1);

const BODY = 10;
const BODY_LH = 13;
const ROW_PAD = 5;

const SPECIMEN_MARK = "SPECIMEN – not valid";
const SPECIMEN_FOOTER = "SPECIMEN – signed with a development certificate. This document is not valid.";

const HOLDER_HEADING: Record<DocumentKind, string> = {
  "performance-licence": "Licence holder",
  "employment-permit": "Employer",
  "chaperone-licence": "Chaperone",
  "bopa-approval": "Organisation",
  "exemption-record": "Organiser",
};

const LONDON_DATE = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** Builds the document. The caller adds the signature placeholder, saves and signs it. */
export async function renderDocument(content: DocumentContent): Promise<PDFDocument> {
  const c = sanitiseContent(content);
  const kind = DOCUMENT_KINDS[c.kind];
  const doc = await PDFDocument.create();
  const issued = new Date(content.issuedAt);
  doc.setTitle(`${kind.title} ${content.reference}`, { showInWindowTitleBar: true });
  doc.setSubject(kind.title);
  doc.setAuthor(content.authority.name);
  doc.setCreator("Child licensing");
  doc.setProducer("Child licensing");
  doc.setLanguage("en-GB");
  if (!Number.isNaN(issued.getTime())) {
    doc.setCreationDate(issued);
    doc.setModificationDate(issued);
  }
  const [regular, bold, childPhoto, holderPhoto] = await Promise.all([
    doc.embedFont(StandardFonts.Helvetica),
    doc.embedFont(StandardFonts.HelveticaBold),
    kind.concernsChild ? embedImage(doc, c.child?.photo) : undefined,
    c.kind === "chaperone-licence" ? embedImage(doc, c.holderPhoto) : undefined,
  ]);
  const ctx: Ctx = { doc, regular, bold, c, pages: [], page: undefined as unknown as PDFPage, y: TOP, markAreas: new Map() };
  addPage(ctx);

  drawTitle(ctx);
  if (c.kind === "chaperone-licence") {
    besidePhoto(ctx, holderPhoto, (x, width) => {
      drawHolder(ctx, x, width);
      drawValidity(ctx, x, width);
    });
  } else {
    drawHolder(ctx, LEFT, WIDTH);
    if (kind.concernsChild && c.child) {
      besidePhoto(ctx, childPhoto, (x, width) => {
        drawChild(ctx, x, width);
        drawValidity(ctx, x, width);
      });
    } else {
      drawValidity(ctx, LEFT, WIDTH);
    }
  }
  drawDetails(ctx);
  drawConditions(ctx);
  drawSchedule(ctx);
  drawIssue(ctx);

  if (kind.card === "permit") drawPermitCard(ctx, childPhoto);
  if (kind.card === "photo-id") drawPhotoIdCard(ctx, holderPhoto);

  drawFooters(ctx);
  return doc;
}

type Ctx = {
  doc: PDFDocument;
  regular: PDFFont;
  bold: PDFFont;
  c: DocumentContent;
  pages: PDFPage[];
  page: PDFPage;
  y: number;
  /** Where the specimen mark goes on a page, when not across the whole page (below a card, so as not to hide it). */
  markAreas: Map<PDFPage, { x: number; y: number; width: number; height: number }>;
};

// ——— Pages ———

function addPage(ctx: Ctx) {
  const page = ctx.doc.addPage(PAGE_SIZE);
  const bandY = PAGE_H - MARGIN - BAND_H;
  page.drawRectangle({ x: LEFT, y: bandY, width: WIDTH, height: BAND_H, color: INK });
  page.drawRectangle({ x: LEFT, y: bandY - STRIPE_H, width: WIDTH, height: STRIPE_H, color: BLUE });
  const reference = ctx.c.reference;
  const refWidth = ctx.bold.widthOfTextAtSize(reference, 10);
  const nameSize = fitSize(ctx.c.authority.name, ctx.bold, 14, 9, WIDTH - refWidth - 44);
  const name = truncate(ctx.c.authority.name, ctx.bold, nameSize, WIDTH - refWidth - 44);
  page.drawText(name, { x: LEFT + 12, y: bandY + (BAND_H - nameSize * 0.72) / 2, font: ctx.bold, size: nameSize, color: WHITE });
  page.drawText(reference, { x: LEFT + WIDTH - 12 - refWidth, y: bandY + (BAND_H - 7.2) / 2, font: ctx.bold, size: 10, color: WHITE });
  ctx.pages.push(page);
  ctx.page = page;
  ctx.y = TOP;
}

/** Starts a new page unless `height` points still fit above the footer. Returns true if it did. */
function ensure(ctx: Ctx, height: number) {
  if (ctx.y - height >= BOTTOM) return false;
  addPage(ctx);
  return true;
}

function drawFooters(ctx: Ctx) {
  const { c, regular, bold, pages } = ctx;
  const left = `${c.authority.name} · ${DOCUMENT_KINDS[c.kind].title}`;
  pages.forEach((page, i) => {
    const right = `Page ${i + 1} of ${pages.length}`;
    const rightWidth = regular.widthOfTextAtSize(right, 8);
    page.drawLine({
      start: { x: LEFT, y: MARGIN + 13 },
      end: { x: LEFT + WIDTH, y: MARGIN + 13 },
      thickness: 0.5,
      color: BORDER,
    });
    page.drawText(truncate(left, regular, 8, WIDTH - rightWidth - 20), {
      x: LEFT,
      y: MARGIN + 2,
      font: regular,
      size: 8,
      color: SECONDARY,
    });
    page.drawText(right, { x: LEFT + WIDTH - rightWidth, y: MARGIN + 2, font: regular, size: 8, color: SECONDARY });
    if (c.specimen) {
      page.drawText(SPECIMEN_FOOTER, { x: LEFT, y: MARGIN + 20, font: bold, size: 8, color: RED });
      const area = ctx.markAreas.get(page) ?? { x: LEFT, y: BOTTOM, width: WIDTH, height: TOP - BOTTOM };
      drawDiagonal(page, bold, SPECIMEN_MARK, area.x + area.width / 2, area.y + area.height / 2, area.width, area.height, 0.16);
    }
  });
}

/** Draws `text` centred on (cx, cy) along the diagonal of a `width` × `height` box, filling most of it. */
function drawDiagonal(page: PDFPage, font: PDFFont, text: string, cx: number, cy: number, width: number, height: number, opacity: number) {
  const angle = Math.atan2(height, width);
  const unit = font.widthOfTextAtSize(text, 1);
  const size = (Math.hypot(width, height) * 0.78) / unit;
  const textWidth = unit * size;
  const cap = size * 0.72;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  page.drawText(text, {
    x: cx - (textWidth / 2) * cos + (cap / 2) * sin,
    y: cy - (textWidth / 2) * sin - (cap / 2) * cos,
    font,
    size,
    color: RED,
    opacity,
    rotate: degrees((angle * 180) / Math.PI),
  });
}

// ——— Sections ———

function drawTitle(ctx: Ctx) {
  const { page, bold, regular, c } = ctx;
  const kind = DOCUMENT_KINDS[c.kind];
  for (const line of wrapText(kind.title, bold, 20, WIDTH)) {
    page.drawText(line, { x: LEFT, y: baseline(ctx.y, 20, 24), font: bold, size: 20, color: INK });
    ctx.y -= 24;
  }
  ctx.y -= 2;
  for (const line of wrapText(kind.law, regular, 8.5, WIDTH)) {
    page.drawText(line, { x: LEFT, y: baseline(ctx.y, 8.5, 11), font: regular, size: 8.5, color: SECONDARY });
    ctx.y -= 11;
  }
  ctx.y -= 12;
  const panelH = 46;
  page.drawRectangle({ x: LEFT, y: ctx.y - panelH, width: WIDTH, height: panelH, color: LIGHT });
  page.drawRectangle({ x: LEFT, y: ctx.y - panelH, width: 5, height: panelH, color: INK });
  page.drawText("Reference number", { x: LEFT + 16, y: ctx.y - 15, font: regular, size: 9, color: SECONDARY });
  const refSize = fitSize(c.reference, bold, 20, 12, WIDTH - 32);
  page.drawText(c.reference, { x: LEFT + 16, y: ctx.y - 37, font: bold, size: refSize, color: INK });
  ctx.y -= panelH;
}

function sectionHeading(ctx: Ctx, text: string, x: number, width: number, keepWith: number, spaceBefore = 16) {
  ctx.y -= spaceBefore;
  const lines = wrapText(text, ctx.bold, 13, width);
  ensure(ctx, lines.length * 17 + 5 + keepWith);
  for (const line of lines) {
    ctx.page.drawText(line, { x, y: baseline(ctx.y, 13, 17), font: ctx.bold, size: 13, color: INK });
    ctx.y -= 17;
  }
  ctx.y -= 4;
  rule(ctx, x, width, INK, 1);
  ctx.y -= 1;
}

function rule(ctx: Ctx, x: number, width: number, color: Color = BORDER, thickness = 0.5) {
  ctx.page.drawLine({ start: { x, y: ctx.y }, end: { x: x + width, y: ctx.y }, thickness, color });
}

/** Lines of text, continuing on a new page when the page is full. */
function drawLines(ctx: Ctx, lines: string[], x: number, font: PDFFont, size: number, lineHeight: number, color: Color = INK) {
  for (const line of lines) {
    ensure(ctx, lineHeight);
    ctx.page.drawText(line, { x, y: baseline(ctx.y, size, lineHeight), font, size, color });
    ctx.y -= lineHeight;
  }
}

function drawHolder(ctx: Ctx, x: number, width: number) {
  const { c, bold, regular } = ctx;
  sectionHeading(ctx, HOLDER_HEADING[c.kind], x, width, 30);
  ctx.y -= 6;
  drawLines(ctx, wrapText(c.holder.name, bold, 12, width), x, bold, 12, 16);
  if (c.holder.description) drawLines(ctx, wrapText(c.holder.description, regular, BODY, width), x, regular, BODY, BODY_LH);
}

function drawChild(ctx: Ctx, x: number, width: number) {
  const child = ctx.c.child!;
  sectionHeading(ctx, "Child", x, width, 50);
  const labelWidth = 100;
  summaryRow(ctx, x, width, labelWidth, "Name", child.name, ctx.bold);
  summaryRow(ctx, x, width, labelWidth, "Date of birth", formatDate(child.dateOfBirth));
}

function drawValidity(ctx: Ctx, x: number, width: number) {
  sectionHeading(ctx, "Validity", x, width, 24);
  ctx.y -= 6;
  const text = `Valid from ${formatDate(ctx.c.validFrom)} to ${formatDate(ctx.c.validTo)}`;
  drawLines(ctx, wrapText(text, ctx.bold, 12, width), x, ctx.bold, 12, 16);
}

/** Runs `draw` in a column to the left of a passport-size photograph (or an empty box) at the right margin. */
function besidePhoto(ctx: Ctx, image: PDFImage | undefined, draw: (x: number, width: number) => void) {
  ensure(ctx, 18 + PHOTO_H); // so the first heading in the column lands on the photograph's page
  const page = ctx.page;
  const top = ctx.y - 16 - 2;
  const boxX = LEFT + WIDTH - PHOTO_W;
  drawPhoto(page, ctx.regular, image, boxX, top - PHOTO_H, PHOTO_W, PHOTO_H, 9);
  draw(LEFT, WIDTH - PHOTO_W - 24);
  if (ctx.page === page) ctx.y = Math.min(ctx.y, top - PHOTO_H);
}

function drawPhoto(page: PDFPage, font: PDFFont, image: PDFImage | undefined, x: number, y: number, width: number, height: number, size: number) {
  if (image) {
    const scale = Math.min(width / image.width, height / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    page.drawImage(image, { x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h });
  } else {
    for (const [i, line] of ["No photograph", "supplied"].entries()) {
      const w = font.widthOfTextAtSize(line, size);
      page.drawText(line, { x: x + (width - w) / 2, y: y + height / 2 + (0.5 - i) * size * 1.3 - size * 0.3, font, size, color: SECONDARY });
    }
  }
  page.drawRectangle({ x, y, width, height, borderColor: image ? BORDER : SECONDARY, borderWidth: image ? 0.5 : 0.75 });
}

/** A GOV.UK summary-list row: bold label, wrapped value, a rule below. Splits across pages only if taller than one. */
function summaryRow(ctx: Ctx, x: number, width: number, labelWidth: number, label: string, value: string, valueFont = ctx.regular) {
  const labels = wrapText(label, ctx.bold, BODY, labelWidth - 12);
  const values = wrapText(value, valueFont, BODY, width - labelWidth);
  const lines = Math.max(labels.length, values.length);
  const height = lines * BODY_LH + 2 * ROW_PAD;
  if (height <= TOP - BOTTOM) ensure(ctx, height);
  ctx.y -= ROW_PAD;
  for (let i = 0; i < lines; i++) {
    if (ensure(ctx, BODY_LH)) ctx.y -= ROW_PAD;
    const y = baseline(ctx.y, BODY, BODY_LH);
    if (labels[i]) ctx.page.drawText(labels[i], { x, y, font: ctx.bold, size: BODY, color: INK });
    if (values[i]) ctx.page.drawText(values[i], { x: x + labelWidth, y, font: valueFont, size: BODY, color: INK });
    ctx.y -= BODY_LH;
  }
  ctx.y -= ROW_PAD;
  rule(ctx, x, width);
}

function drawDetails(ctx: Ctx) {
  const { details } = ctx.c;
  if (!details.length) return;
  sectionHeading(ctx, "Details", LEFT, WIDTH, 2 * BODY_LH + 2 * ROW_PAD);
  const widest = Math.max(...details.map((d) => ctx.bold.widthOfTextAtSize(d.label, BODY)));
  const labelWidth = Math.min(Math.max(widest + 16, 120), WIDTH * 0.38);
  for (const { label, value } of details) summaryRow(ctx, LEFT, WIDTH, labelWidth, label, value);
}

function drawConditions(ctx: Ctx) {
  const { conditions } = ctx.c;
  if (!conditions.length) return;
  sectionHeading(ctx, "Conditions", LEFT, WIDTH, 2 * BODY_LH);
  ctx.y -= 6;
  const indent = 22;
  conditions.forEach((condition, i) => {
    const lines = wrapText(condition, ctx.regular, BODY, WIDTH - indent);
    // Keep short conditions (up to 4 lines) together; longer ones may break between lines.
    ensure(ctx, Math.min(lines.length, 4) * BODY_LH);
    const number = `${i + 1}.`;
    ctx.page.drawText(number, {
      x: LEFT + indent - 6 - ctx.regular.widthOfTextAtSize(number, BODY),
      y: baseline(ctx.y, BODY, BODY_LH),
      font: ctx.regular,
      size: BODY,
      color: INK,
    });
    drawLines(ctx, lines, LEFT + indent, ctx.regular, BODY, BODY_LH);
    ctx.y -= 4;
  });
}

function drawSchedule(ctx: Ctx) {
  const schedule = ctx.c.schedule;
  if (!schedule) return;
  const { regular, bold } = ctx;
  const size = 9;
  const lh = 11.5;
  const pad = 5;
  const columns = Math.max(schedule.head.length, ...schedule.rows.map((r) => r.length), 1);
  const widths = columnWidths(schedule, columns, regular, bold, size, WIDTH, pad);
  const xs = widths.map((_, i) => LEFT + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const headCells = widths.map((w, i) => wrapText(schedule.head[i] ?? "", bold, size, w - 2 * pad));
  const headLines = Math.max(1, ...headCells.map((l) => l.length));
  const headHeight = schedule.head.length ? headLines * lh + 2 * pad : 0;
  const maxRowLines = Math.floor((TOP - BOTTOM - 60 - headHeight - 2 * pad) / lh);

  const rows = schedule.rows.map((row) =>
    widths.map((w, i) => {
      const lines = wrapText(row[i] ?? "", regular, size, w - 2 * pad);
      if (lines.length <= maxRowLines) return lines;
      const kept = lines.slice(0, maxRowLines);
      kept[maxRowLines - 1] = truncate(`${kept[maxRowLines - 1]}…`, regular, size, w - 2 * pad, true);
      return kept;
    }),
  );
  const heights = rows.map((cells) => Math.max(1, ...cells.map((l) => l.length)) * lh + 2 * pad);
  // Keep a short table together, and never leave the caption and head without at least three rows.
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const keep = headHeight + sum(rows.length <= 8 ? heights : heights.slice(0, 3));

  const drawHead = (continued: boolean) => {
    sectionHeading(ctx, continued ? `${schedule.caption} (continued)` : schedule.caption, LEFT, WIDTH, continued ? headHeight + heights[0] : keep);
    if (!schedule.head.length) return;
    ctx.page.drawRectangle({ x: LEFT, y: ctx.y - headHeight, width: WIDTH, height: headHeight, color: LIGHT });
    ctx.y -= pad;
    headCells.forEach((lines, i) => {
      lines.forEach((line, j) => {
        ctx.page.drawText(line, { x: xs[i] + pad, y: baseline(ctx.y - j * lh, size, lh), font: bold, size, color: INK });
      });
    });
    ctx.y -= headLines * lh + pad;
    rule(ctx, LEFT, WIDTH, SECONDARY, 0.75);
  };

  drawHead(false);
  rows.forEach((cells, r) => {
    if (ctx.y - heights[r] < BOTTOM) {
      addPage(ctx);
      drawHead(true);
    }
    ctx.y -= pad;
    cells.forEach((cellLines, i) => {
      cellLines.forEach((line, j) => {
        ctx.page.drawText(line, { x: xs[i] + pad, y: baseline(ctx.y - j * lh, size, lh), font: regular, size, color: INK });
      });
    });
    ctx.y -= heights[r] - pad;
    rule(ctx, LEFT, WIDTH);
  });
}

/** Column widths from the widest cell in each column, shrinking the widest columns first when they don't fit. */
function columnWidths(
  schedule: NonNullable<DocumentContent["schedule"]>,
  columns: number,
  regular: PDFFont,
  bold: PDFFont,
  size: number,
  total: number,
  pad: number,
) {
  const natural = Array.from({ length: columns }, (_, i) => {
    let width = bold.widthOfTextAtSize(schedule.head[i] ?? "", size);
    for (const row of schedule.rows) width = Math.max(width, regular.widthOfTextAtSize(row[i] ?? "", size));
    return Math.max(width + 2 * pad, 24);
  });
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum <= total) return natural.map((w) => w + (total - sum) / columns);
  // Water-fill: columns narrower than a fair share keep their width; the rest share what is left equally.
  const widths = [...natural];
  let remaining = total;
  let open = natural.map((_, i) => i);
  for (;;) {
    const share = remaining / open.length;
    const small = open.filter((i) => natural[i] <= share);
    if (!small.length) {
      for (const i of open) widths[i] = share;
      return widths;
    }
    for (const i of small) remaining -= natural[i];
    open = open.filter((i) => natural[i] > share);
    if (!open.length) return widths;
  }
}

/** The officer who issued the document beside the verification panel: the QR code and the address it encodes. */
function drawIssue(ctx: Ctx) {
  const { c, regular, bold } = ctx;
  const pad = 12;
  const panelW = 320;
  const panelH = QR_SIZE + 2 * pad;
  const columnW = WIDTH - panelW - 20;
  const role = wrapText(c.issuedBy.role, regular, BODY, columnW);
  const name = wrapText(c.issuedBy.name, bold, 11, columnW);
  const columnH = 22 + 6 + name.length * 15 + role.length * BODY_LH + 8 + 12 + 15;

  ctx.y -= 18;
  ensure(ctx, Math.max(panelH, columnH));
  const top = ctx.y;
  sectionHeading(ctx, "Issued by", LEFT, columnW, 0, 0);
  ctx.y -= 6;
  drawLines(ctx, name, LEFT, bold, 11, 15);
  drawLines(ctx, role, LEFT, regular, BODY, BODY_LH);
  ctx.y -= 8;
  drawLines(ctx, ["Date of issue"], LEFT, regular, 9, 12, SECONDARY);
  drawLines(ctx, [formatDateTime(c.issuedAt)], LEFT, bold, 11, 15);
  const bottom = Math.min(ctx.y, top - panelH);

  const page = ctx.page;
  const x = LEFT + WIDTH - panelW;
  page.drawRectangle({ x, y: top - panelH, width: panelW, height: panelH, borderColor: BORDER, borderWidth: 1 });
  const url = toWinAnsi(c.verifyUrl);
  drawQrCode(page, c.verifyUrl, x + pad, top - pad - QR_SIZE, QR_SIZE);
  const textX = x + pad + QR_SIZE + Math.max(14, quietZone(QR_SIZE, c.verifyUrl) + 4);
  const textW = x + panelW - pad - textX;
  const check = wrapText(`Check this document is genuine at ${url}`, bold, BODY, textW);
  const note = wrapText(
    `Scan the code or type the address into a web browser to see whether the document is still valid. Signed digitally by ${c.authority.name}.`,
    regular,
    8.5,
    textW,
  );
  let y = top - pad + 1;
  for (const line of check) {
    page.drawText(line, { x: textX, y: baseline(y, BODY, 13), font: bold, size: BODY, color: INK });
    y -= 13;
  }
  y -= 5;
  for (const line of note) {
    page.drawText(line, { x: textX, y: baseline(y, 8.5, 11), font: regular, size: 8.5, color: SECONDARY });
    y -= 11;
  }
  ctx.y = bottom;
}

// ——— Wallet cards ———

type CardSpec = { title: string; name: string; photo: PDFImage | undefined; fields: [string, string][] };

function drawPermitCard(ctx: Ctx, photo: PDFImage | undefined) {
  const { c } = ctx;
  const employer = c.details.find((d) => d.label.trim().toLowerCase() === "employer")?.value ?? c.holder.name;
  const fields: [string, string][] = [];
  if (c.child) fields.push(["Date of birth", formatDate(c.child.dateOfBirth)]);
  fields.push(["Employer", employer], ["Reference", c.reference], ["Valid to", formatDate(c.validTo)]);
  drawCardPage(ctx, "Permit card", `Cut out the card along the marks. ${c.child?.name ?? "The child"} should keep it with them while working, so that an employer or an authorised officer can check the permit.`, {
    title: "Child employment permit",
    name: c.child?.name ?? "",
    photo,
    fields,
  });
}

function drawPhotoIdCard(ctx: Ctx, photo: PDFImage | undefined) {
  const { c } = ctx;
  drawCardPage(ctx, "Photo ID card", "Cut out the card along the marks. Carry it whenever you are acting as a chaperone and show it when you are asked.", {
    title: "Approved chaperone",
    name: c.holder.name,
    photo,
    fields: [
      ["Reference", c.reference],
      ["Valid from", formatDate(c.validFrom)],
      ["Valid to", formatDate(c.validTo)],
    ],
  });
}

function drawCardPage(ctx: Ctx, heading: string, instructions: string, card: CardSpec) {
  addPage(ctx);
  sectionHeading(ctx, heading, LEFT, WIDTH, 0, 0);
  ctx.y -= 8;
  drawLines(ctx, wrapText(instructions, ctx.regular, BODY, WIDTH), LEFT, ctx.regular, BODY, BODY_LH);
  const x = (PAGE_W - CARD_W) / 2;
  const y = ctx.y - 36 - CARD_H;
  drawCard(ctx, x, y, card);
  ctx.y = y - 30;
  ctx.markAreas.set(ctx.page, { x: LEFT, y: BOTTOM, width: WIDTH, height: ctx.y - BOTTOM });
}

function drawCard(ctx: Ctx, x: number, y: number, card: CardSpec) {
  const { page, regular, bold, c } = ctx;
  const top = y + CARD_H;
  const pad = 8;
  // Header strip: the card's title, and the authority that issued it.
  page.drawRectangle({ x, y: top - 28, width: CARD_W, height: 28, color: INK });
  page.drawRectangle({ x, y: top - 30, width: CARD_W, height: 2, color: BLUE });
  page.drawText(truncate(c.authority.name, regular, 7, CARD_W - 2 * pad), { x: x + pad, y: top - 10.5, font: regular, size: 7, color: WHITE });
  page.drawText(card.title, { x: x + pad, y: top - 23, font: bold, size: 10.5, color: WHITE });

  const photoW = 68;
  const photoH = (photoW * 45) / 35;
  drawPhoto(page, regular, card.photo, x + pad, top - 38 - photoH, photoW, photoH, 6.5);

  const tx = x + pad + photoW + 10;
  const tw = x + CARD_W - pad - tx;
  let ty = top - 38;
  const nameSize = fitSize(card.name, bold, 10.5, 7.5, tw);
  page.drawText(truncate(card.name, bold, nameSize, tw), { x: tx, y: ty - 9, font: bold, size: nameSize, color: INK });
  ty -= 15;
  const labelWidth = 45;
  for (const [label, value] of card.fields) {
    page.drawText(label, { x: tx, y: ty - 8, font: regular, size: 6.5, color: SECONDARY });
    page.drawText(truncate(value, bold, 7.5, tw - labelWidth), { x: tx + labelWidth, y: ty - 8, font: bold, size: 7.5, color: INK });
    ty -= 11;
  }

  const qr = 44;
  drawQrCode(page, c.verifyUrl, x + CARD_W - pad - qr, y + pad, qr);
  const hintWidth = tw - qr - 10;
  wrapText("Scan the code to check this card is genuine.", regular, 6, hintWidth).forEach((line, i, all) => {
    page.drawText(line, { x: tx, y: y + pad + 1 + (all.length - 1 - i) * 7.5, font: regular, size: 6, color: SECONDARY });
  });

  if (c.specimen) drawDiagonal(page, bold, "SPECIMEN", x + CARD_W / 2, y + CARD_H / 2, CARD_W, CARD_H, 0.22);
  page.drawRectangle({ x, y, width: CARD_W, height: CARD_H, borderColor: BORDER, borderWidth: 0.75 });
  drawCutMarks(page, x, y, CARD_W, CARD_H);
}

function drawCutMarks(page: PDFPage, x: number, y: number, width: number, height: number) {
  const gap = 2 * MM;
  const length = 6 * MM;
  for (const cx of [x, x + width]) {
    for (const cy of [y, y + height]) {
      const sx = cx === x ? -1 : 1;
      const sy = cy === y ? -1 : 1;
      const line = { thickness: 0.5, color: INK };
      page.drawLine({ start: { x: cx + sx * gap, y: cy }, end: { x: cx + sx * (gap + length), y: cy }, ...line });
      page.drawLine({ start: { x: cx, y: cy + sy * gap }, end: { x: cx, y: cy + sy * (gap + length) }, ...line });
    }
  }
}

// ——— Text ———

/** Baseline for text of `size` vertically centred in a line box of `lineHeight` whose top edge is `top`. */
function baseline(top: number, size: number, lineHeight: number) {
  return top - (lineHeight - size) / 2 - size * 0.8;
}

/**
 * Greedy word wrap to `maxWidth` points. Newlines start new lines; a word wider than the line (a URL, say) is broken,
 * after a "/", "-" or "." where possible. `text` must already be WinAnsi-safe.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  const space = font.widthOfTextAtSize(" ", size);
  for (const paragraph of text.trim().split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (let word of paragraph.split(" ")) {
      if (!word) continue;
      let width = font.widthOfTextAtSize(word, size);
      if (line && lineWidth + space + width <= maxWidth + 0.01) {
        line += ` ${word}`;
        lineWidth += space + width;
        continue;
      }
      if (line) lines.push(line);
      while (width > maxWidth + 0.01 && word.length > 1) {
        const cut = breakPoint(word, font, size, maxWidth);
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
        width = font.widthOfTextAtSize(word, size);
      }
      line = word;
      lineWidth = width;
    }
    lines.push(line);
  }
  return lines;
}

/** How many leading characters of `word` to put on a line of `maxWidth` (at least one). */
function breakPoint(word: string, font: PDFFont, size: number, maxWidth: number) {
  let low = 1;
  let high = word.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (font.widthOfTextAtSize(word.slice(0, mid), size) <= maxWidth + 0.01) low = mid;
    else high = mid - 1;
  }
  const soft = Math.max(word.lastIndexOf("/", low - 1), word.lastIndexOf("-", low - 1), word.lastIndexOf(".", low - 1));
  return soft + 1 > low / 2 ? soft + 1 : low;
}

/** The largest size from `max` down to `min` at which `text` fits in `width`. */
function fitSize(text: string, font: PDFFont, max: number, min: number, width: number) {
  const unit = font.widthOfTextAtSize(text, 1);
  return unit === 0 ? max : Math.max(min, Math.min(max, Math.floor((width / unit) * 2) / 2));
}

/** `text` cut to fit `width` with a trailing ellipsis (or `force` the ellipsis to fit too). */
function truncate(text: string, font: PDFFont, size: number, width: number, force = false) {
  if (!force && font.widthOfTextAtSize(text, size) <= width) return text;
  let base = force && text.endsWith("…") ? text.slice(0, -1) : text;
  while (base && font.widthOfTextAtSize(`${base}…`, size) > width) base = base.slice(0, -1);
  return `${base.trimEnd()}…`;
}

/** The date in London of an ISO date-time ("30 November 2026"). */
function formatDateTime(iso: string) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDate(iso);
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : LONDON_DATE.format(date);
}

// ——— WinAnsi ———

/** Code points above U+00FF that WinAnsi (Windows-1252) encodes, as used by the standard PDF fonts. */
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a,
  0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);
/** Hyphens, the minus sign and primes, printed as their nearest WinAnsi characters rather than "?". */
const LOOKALIKES = new Map([
  ["\u2010", "-"],
  ["\u2011", "-"],
  ["\u2012", "–"],
  ["\u2212", "-"],
  ["\u2032", "'"],
  ["\u2033", '"'],
]);

/**
 * `text` made printable with the standard fonts: composed (NFC), line breaks kept as "\n" (or spaces if not
 * `multiline`), other spaces and controls as " ", joiners and combining marks dropped, anything else outside
 * WinAnsi as "?".
 */
export function toWinAnsi(text: string, multiline = false): string {
  let out = "";
  for (const ch of text.replace(/\r\n?/g, "\n").normalize("NFC")) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp)) out += ch;
    else if (cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029) out += multiline ? "\n" : " ";
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000) out += " ";
    else if (LOOKALIKES.has(ch)) out += LOOKALIKES.get(ch);
    else if (
      (cp >= 0x300 && cp <= 0x36f) || // combining marks left over after NFC
      (cp >= 0x200b && cp <= 0x200f) || // zero-width spaces, joiners, direction marks
      (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
      (cp >= 0x1f3fb && cp <= 0x1f3ff) || // skin-tone modifiers
      cp === 0xfeff
    )
      continue;
    else out += "?";
  }
  return multiline ? out.replace(/\n{3,}/g, "\n\n").replace(/ *\n */g, "\n") : out.replace(/ {2,}/g, " ").trim();
}

function sanitiseContent(c: DocumentContent): DocumentContent {
  const s = (text: string) => toWinAnsi(text);
  const m = (text: string) => toWinAnsi(text, true);
  return {
    ...c,
    reference: s(c.reference),
    verifyUrl: c.verifyUrl.trim(), // encoded in the QR code as given, printed through toWinAnsi
    authority: { name: s(c.authority.name), code: s(c.authority.code) },
    holder: { name: s(c.holder.name), description: c.holder.description ? m(c.holder.description) : undefined },
    child: c.child && { ...c.child, name: s(c.child.name), dateOfBirth: s(c.child.dateOfBirth) },
    validFrom: s(c.validFrom),
    validTo: s(c.validTo),
    details: c.details.map((d) => ({ label: s(d.label), value: m(d.value) })),
    conditions: c.conditions.map(m).filter(Boolean),
    schedule: c.schedule && {
      caption: s(c.schedule.caption),
      head: c.schedule.head.map(s),
      rows: c.schedule.rows.map((row) => row.map(m)),
    },
    issuedBy: { name: s(c.issuedBy.name), role: s(c.issuedBy.role) },
  };
}

// ——— Images ———

/** Embeds a JPEG or PNG, trusting the file's signature over the declared type. */
async function embedImage(doc: PDFDocument, image: Image | undefined) {
  if (!image) return undefined;
  const b = image.bytes;
  const png = b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
  const jpeg = b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
  return png || (!jpeg && image.type === "png") ? doc.embedPng(b) : doc.embedJpg(b);
}
