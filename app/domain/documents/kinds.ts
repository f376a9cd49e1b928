/** The documents the service issues. Reference format: {AUTHORITY}-{code}-{year}-{6-digit sequence}. */
export const DOCUMENT_KINDS = {
  "performance-licence": {
    code: "PL",
    title: "Licence for a child to take part in a performance",
    law: "Children and Young Persons Act 1963 s37; Children (Performances and Activities) (England) Regulations 2014",
    concernsChild: true,
    card: null,
  },
  "employment-permit": {
    code: "EP",
    title: "Child employment permit",
    law: "Children and Young Persons Act 1933 s18; the authority's byelaws on the employment of children",
    concernsChild: true,
    card: "permit",
  },
  "chaperone-licence": {
    code: "CL",
    title: "Chaperone approval",
    law: "Children (Performances and Activities) (England) Regulations 2014 reg 20",
    concernsChild: false,
    card: "photo-id",
  },
  "bopa-approval": {
    code: "BA",
    title: "Body of persons approval",
    law: "Children and Young Persons Act 1963 s37(3)(b)",
    concernsChild: false,
    card: null,
  },
  "exemption-record": {
    code: "EX",
    title: "Record of an exempt performance",
    law: "Children and Young Persons Act 1963 s37(3)(a)",
    concernsChild: true,
    card: null,
  },
} as const;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_NAMES = Object.keys(DOCUMENT_KINDS) as DocumentKind[];

export function formatReference(authorityCode: string, kind: DocumentKind, year: number, sequence: number) {
  return `${authorityCode}-${DOCUMENT_KINDS[kind].code}-${year}-${String(sequence).padStart(6, "0")}`;
}

export const REFERENCE_PATTERN = /^[A-Z0-9]{2,8}-(PL|EP|CL|BA|EX)-\d{4}-\d{6}$/;
