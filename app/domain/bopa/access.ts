import { and, eq, inArray } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import { bopaApplications } from "#db/schema/bopa";
import { users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { isUuid } from "../children/access";
import { NotFoundError } from "../errors";
import { authorityScope, organisationScope } from "../identity/capabilities";

/** An application of one of the actor's organisations; another organisation's (or a malformed id) is "not found". */
export async function applicationForProducer(db: Db, actor: Actor, applicationId: string) {
  const scope = organisationScope(actor, "producer:use");
  if (!scope.length || !isUuid(applicationId)) throw new NotFoundError("Application");
  const [row] = await db
    .select()
    .from(bopaApplications)
    .where(and(eq(bopaApplications.id, applicationId), inArray(bopaApplications.organisationId, scope)));
  if (!row) throw new NotFoundError("Application");
  return row;
}

/**
 * An application made to one of the officer's authorities (the host authority) — the only way the officer
 * verbs load one. Any other authority's, or a malformed id, is "not found". `lock` takes a row lock.
 */
export async function applicationForOfficer(db: Db, actor: Actor, applicationId: string, { lock = false } = {}) {
  const scope = authorityScope(actor, "bopa:decide");
  if (!scope.length || !isUuid(applicationId)) throw new NotFoundError("Application");
  const query = db
    .select()
    .from(bopaApplications)
    .where(and(eq(bopaApplications.id, applicationId), inArray(bopaApplications.hostAuthorityId, scope)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFoundError("Application");
  return row;
}

/** Who is emailed about a decision (the person who applied), with the organisation's and host council's names. */
export async function applicantContact(db: Db, application: { submittedByUserId: string; organisationId: string; hostAuthorityId: string }) {
  const [submitter] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, application.submittedByUserId));
  const [organisation] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, application.organisationId));
  const [host] = await db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, application.hostAuthorityId));
  return { email: submitter.email, name: submitter.name, organisationName: organisation.name, authorityName: host.name };
}
