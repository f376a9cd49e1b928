import { and, eq, inArray } from "drizzle-orm";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { NotFoundError, RuleError } from "../errors";
import { authorityScope } from "../identity/capabilities";
import { type IssueInput, inputFromStored, issueDocument, type StoredContent } from "./issueDocument";
import { assertTransition } from "./states";

export type Variation = { validTo?: string; addCondition?: string; reason: string };

/**
 * A variation: the same document re-issued under a new reference with the changes, superseding the old one
 * (the old reference then shows "Replaced by …").
 */
export async function varyDocument(db: Db, actor: Actor, reference: string, change: Variation, baseUrl: string) {
  const scope = authorityScope(actor, "document:issue");
  const [doc] = scope.length
    ? await db
        .select()
        .from(issuedDocuments)
        .where(and(eq(issuedDocuments.reference, reference.toUpperCase()), inArray(issuedDocuments.authorityId, scope)))
    : [];
  if (!doc) throw new NotFoundError("Document");
  assertTransition(doc.status, "supersede");
  const base = inputFromStored(doc.content as StoredContent);
  if (change.validTo && change.validTo < base.validFrom) throw RuleError.field("validTo", "The new end date must be on or after the start date");
  const input: IssueInput = {
    ...base,
    authorityId: doc.authorityId,
    validTo: change.validTo ?? base.validTo,
    conditions: change.addCondition ? [...base.conditions, change.addCondition] : base.conditions,
    details: [...base.details.filter((d) => d.label !== "Varies"), { label: "Varies", value: `${doc.reference}: ${change.reason}` }],
    supersedesId: doc.id,
  };
  return issueDocument(db, actor, input, baseUrl);
}
