import {
  type PDFDocument,
  type PDFPage,
  type PDFRef,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from "pdf-lib";
import QRCode from "qrcode";

/** Modules of light margin every QR code needs around it (ISO/IEC 18004 quiet zone). Keep this much empty space. */
const QR_QUIET_MODULES = 4;

/**
 * A QR symbol (error correction M) as vector drawing: `content` is a PDF content stream that fills one rectangle per
 * horizontal run of dark modules, in module units with the origin at the bottom-left of the symbol.
 */
export type QrSymbol = { size: number; runs: number; content: string };

const CACHE_LIMIT = 64;
const cache = new Map<string, QrSymbol>();
/** Each document holds one form XObject per encoded text, however many times it is drawn (page and card). */
const forms = new WeakMap<PDFDocument, Map<string, PDFRef>>();

/** The QR code for `text`, memoised (a document draws the same URL on its page and on its card). */
export function qrSymbol(text: string): QrSymbol {
  const cached = cache.get(text);
  if (cached) return cached;
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: "M" }).modules;
  const ops = ["0 g"];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      ops.push(`${start} ${size - 1 - row} ${col - start} 1 re`);
    }
  }
  ops.push("f");
  const symbol = { size, runs: ops.length - 2, content: ops.join("\n") };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, symbol);
  return symbol;
}

/**
 * Draws `text` as a black vector QR code: a form XObject of filled rectangles (one path, so no seams between
 * modules), embedded once per document. (`x`, `y`) is the bottom-left corner of the symbol and `size` its width in
 * points without the quiet zone; leave `quietZone(size, text)` clear around it.
 */
export function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number) {
  const symbol = qrSymbol(text);
  let documentForms = forms.get(page.doc);
  if (!documentForms) {
    documentForms = new Map();
    forms.set(page.doc, documentForms);
  }
  let ref = documentForms.get(text);
  if (!ref) {
    const { context } = page.doc;
    ref = context.register(
      context.stream(symbol.content, { Type: "XObject", Subtype: "Form", BBox: [0, 0, symbol.size, symbol.size] }),
    );
    documentForms.set(text, ref);
  }
  const name = page.node.newXObject("QR", ref);
  const scale = size / symbol.size;
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(scale, 0, 0, scale, x, y),
    drawObject(name),
    popGraphicsState(),
  );
}

/** Width in points of the quiet zone around a symbol of `size` points encoding `text`. */
export function quietZone(size: number, text: string) {
  return (size / qrSymbol(text).size) * QR_QUIET_MODULES;
}
