import type { DocumentKind } from "./kinds";

export type Image = { bytes: Uint8Array; type: "jpeg" | "png" };

/** Everything printed on a document. Dates are ISO `YYYY-MM-DD`; `issuedAt` is an ISO date-time. */
export type DocumentContent = {
  kind: DocumentKind;
  reference: string;
  /** Absolute URL of /verify/{reference}, printed and encoded in the QR code. */
  verifyUrl: string;
  /** Signed with the development certificate: print "SPECIMEN – not valid" across every page. */
  specimen: boolean;
  authority: { name: string; code: string };
  /** The licence holder (producer, employer, chaperone or organisation). */
  holder: { name: string; description?: string };
  /** The child, where the document concerns a child (name, date of birth and photograph). */
  child?: { name: string; dateOfBirth: string; photo?: Image };
  /** The holder's own photograph (chaperone ID card). */
  holderPhoto?: Image;
  validFrom: string;
  validTo: string;
  /** Label/value lines: production, venue, employer, occupation, restrictions… */
  details: { label: string; value: string }[];
  conditions: string[];
  /** A schedule or hours summary where relevant. */
  schedule?: { caption: string; head: string[]; rows: string[][] };
  issuedBy: { name: string; role: string };
  issuedAt: string;
};
