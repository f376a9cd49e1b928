import type { ProductionKind } from "#db/schema/children";

/** Plain words for each kind of production (browser-safe). */
export const PRODUCTION_KIND_LABELS: Record<ProductionKind, string> = {
  theatre: "Theatre or live performance",
  film: "Film",
  television: "Television",
  commercial: "Advert or commercial",
  streamed: "Online video or live stream",
  modelling: "Modelling or photo shoot",
  "paid-sport": "Paid sport",
  competition: "Dancing or singing competition",
  amateur: "Amateur production",
};
