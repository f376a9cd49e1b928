import { formatDate } from "~/domain/calendar/dates";
import { SummaryList, Tag } from "../govuk/components";

export type PublicDocumentView = {
  reference: string;
  type: string;
  status: string;
  statusLabel: string;
  validFrom: string;
  validTo: string;
  issuingAuthority: string;
  holderInitials: string;
  issuedOn: string;
  replacedBy: string | null;
  specimen: boolean;
};

const COLOURS: Record<string, "green" | "grey" | "red" | "yellow" | "blue"> = {
  valid: "green",
  "not-yet-valid": "blue",
  expired: "grey",
  suspended: "yellow",
  revoked: "red",
  superseded: "grey",
};

/** The public facts about a document: never a child's name, photograph, school or address. */
export function PublicDocumentSummary({ doc }: { doc: PublicDocumentView }) {
  return (
    <SummaryList
      rows={[
        { key: "Reference", value: doc.reference },
        { key: "Type", value: doc.type },
        { key: "Status", value: <Tag colour={COLOURS[doc.status]}>{doc.statusLabel}</Tag> },
        { key: "Valid from", value: formatDate(doc.validFrom) },
        { key: "Valid to", value: formatDate(doc.validTo) },
        { key: "Issued by", value: doc.issuingAuthority },
        { key: "Issued on", value: formatDate(doc.issuedOn) },
        { key: "Holder's initials", value: doc.holderInitials },
        ...(doc.replacedBy ? [{ key: "Replaced by", value: <a className="govuk-link" href={`/verify/${doc.replacedBy}`}>{doc.replacedBy}</a> }] : []),
      ]}
    />
  );
}

export function statusSentence(doc: PublicDocumentView) {
  switch (doc.status) {
    case "valid":
      return `This ${doc.type.toLowerCase()} is valid until ${formatDate(doc.validTo)}.`;
    case "not-yet-valid":
      return `This ${doc.type.toLowerCase()} starts on ${formatDate(doc.validFrom)}.`;
    case "expired":
      return `This ${doc.type.toLowerCase()} expired on ${formatDate(doc.validTo)}.`;
    case "suspended":
      return `This ${doc.type.toLowerCase()} is suspended. It must not be relied on until ${doc.issuingAuthority} reinstates it.`;
    case "revoked":
      return `This ${doc.type.toLowerCase()} has been revoked by ${doc.issuingAuthority}. It is no longer valid.`;
    case "superseded":
      return `This ${doc.type.toLowerCase()} has been replaced${doc.replacedBy ? ` by ${doc.replacedBy}` : ""}. Check the new one.`;
    default:
      return "";
  }
}
