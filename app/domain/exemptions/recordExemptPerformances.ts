import { daysOnRecord } from "./daysOnRecord";
import { eq, } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import { children, type ExemptionBasis, exemptPerformances, performanceDays } from "#db/schema/children";
import { users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { findCoveringBopa } from "../bopa/findCoveringBopa";
import { formatDay } from "../calendar/dates";
import { loadCastChild } from "../children/access";
import { issueDocument } from "../documents/issueDocument";
import { RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { loadOwnProduction } from "../productions/access";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";
import { EXEMPTION_BASIS_LABELS, MAX_CHILDREN_PER_RECORDING, MAX_DATES_PER_RECORDING } from "./labels";
import { checkExemption, type ExemptionResult, type Reason } from "./rules";

export type RecordExemptInput = { productionId: string; childIds: string[]; dates: string[]; basis: ExemptionBasis; absenceFromSchool: boolean };

export type ChildOutcome = { childId: string; name: string; ok: boolean; result: ExemptionResult };


/**
 * A producer records children of a production's cast performing on stated dates under an exemption. Each child is
 * checked against their real performance-day record (locked, so two recordings cannot both use the last day) with
 * their home authority's local switches. If any child fails, nothing is recorded and every child's result comes back.
 * Otherwise, in one transaction: the exempt performance and its days go on each child's record, an exemption record
 * document is issued by the child's home authority, the parent is emailed, and it is audited.
 */
export async function recordExemptPerformances(db: Db, actor: Actor, input: RecordExemptInput, baseUrl: string, now = new Date()) {
  const production = await loadOwnProduction(db, actor, input.productionId);
  const dates = [...new Set(input.dates)].sort();
  const childIds = [...new Set(input.childIds)];
  if (!childIds.length) throw RuleError.field("childIds", "Select the children taking part");
  if (childIds.length > MAX_CHILDREN_PER_RECORDING) throw RuleError.field("childIds", `Select ${MAX_CHILDREN_PER_RECORDING} children or fewer at a time`);
  if (!dates.length) throw RuleError.field("date0Day", "Enter at least one performance date");
  if (dates.length > MAX_DATES_PER_RECORDING) throw RuleError.field("date0Day", `Enter ${MAX_DATES_PER_RECORDING} dates or fewer at a time`);
  const outside = dates.find((d) => d < production.firstDate || d > production.lastDate);
  if (outside) {
    throw RuleError.field(
      "date0Day",
      `${formatDay(outside)} is outside the production's dates (${formatDay(production.firstDate)} to ${formatDay(production.lastDate)})`,
    );
  }

  const [organisation] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, production.organisationId));
  const [host] = await db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, production.hostAuthorityId));
  const bopa = input.basis === "bopa" ? await findCoveringBopa(db, production.organisationId, production.hostAuthorityId, dates) : null;

  return db.transaction(async (tx) => {
    const outcomes: (ChildOutcome & { child: Awaited<ReturnType<typeof loadCastChild>> })[] = [];
    for (const childId of childIds) {
      const child = await loadCastChild(tx, production.id, childId);
      await tx.select({ id: children.id }).from(children).where(eq(children.id, child.id)).for("update");
      const onRecord = await daysOnRecord(tx, child.id, dates);
      const settings = await getAuthoritySettings(tx, child.homeAuthorityId);
      const result = checkExemption(
        {
          child: { dateOfBirth: child.dateOfBirth },
          performance: {
            dates,
            paid: production.paid,
            broadcast: production.broadcast,
            absenceFromSchool: input.absenceFromSchool,
            organiserHoldsBopa: !!bopa,
            arrangedBySchool: input.basis === "school",
          },
          previousPerformanceDates: onRecord.map((d) => d.date),
        },
        { absenceAllowed: settings.exemptAbsenceAllowed, broadcastAllowed: settings.exemptBroadcastAllowed },
      );
      const problems: Reason[] = [];
      if (input.basis === "bopa" && !bopa) {
        problems.push({
          rule: "EXEMPT-BOPA",
          message: `${organisation.name} does not hold a current body of persons approval from ${host.name} covering every one of these dates.`,
        });
      }
      const already = onRecord.filter((d) => d.productionId === production.id && dates.includes(d.date)).map((d) => d.date);
      if (already.length) {
        throw RuleError.field("date0Day", `${child.firstName} ${child.lastName} is already recorded for this production on ${already.map(formatDay).join(", ")}`);
      }
      if (result.basis === "not-a-child") {
        problems.push({ rule: "EXEMPT-CHILD", message: "Over compulsory school age on these dates: no licence or exemption record is needed." });
      }
      const checked = problems.length ? { licenceRequired: true, basis: null, reasons: [...problems, ...(result.licenceRequired ? result.reasons : [])] } : result;
      outcomes.push({ childId: child.id, name: `${child.firstName} ${child.lastName}`, ok: !checked.licenceRequired, result: checked, child });
    }
    const summary = outcomes.map(({ child: _, ...o }) => o);
    if (outcomes.some((o) => !o.ok)) return { recorded: false as const, outcomes: summary };

    const documents: string[] = [];
    const outboxIds: string[] = [];
    for (const { child, result } of outcomes) {
      const [row] = await tx
        .insert(exemptPerformances)
        .values({
          productionId: production.id,
          organisationId: production.organisationId,
          childId: child.id,
          basis: input.basis,
          bopaApplicationId: bopa?.id ?? null,
          dates,
          check: result,
          homeAuthorityId: child.homeAuthorityId,
          hostAuthorityId: production.hostAuthorityId,
          recordedByUserId: actor.userId!,
          createdAt: now,
        })
        .returning({ id: exemptPerformances.id });
      await tx.insert(performanceDays).values(
        dates.map((date) => ({
          childId: child.id,
          date,
          basis: input.basis,
          productionId: production.id,
          productionTitle: production.title,
          organiserName: organisation.name,
          authorityId: production.hostAuthorityId,
          exemptPerformanceId: row.id,
          recordedByUserId: actor.userId,
        })),
      );
      const name = `${child.firstName} ${child.lastName}`;
      const counted = result.reasons.filter((r) => r.rule === "EXEMPT-4DAY");
      const document = await issueDocument(
        tx,
        actor,
        {
          kind: "exemption-record",
          authorityId: child.homeAuthorityId,
          holder: { name: organisation.name, description: "Organiser" },
          organisationId: production.organisationId,
          parentUserId: child.parentUserId,
          child: { name, dateOfBirth: child.dateOfBirth },
          validFrom: dates[0],
          validTo: dates[dates.length - 1],
          details: [
            { label: "Performance", value: `${production.title}, ${production.venueName} ${production.venuePostcode}` },
            { label: "Dates", value: dates.map(formatDay).join(", ") },
            { label: "Basis", value: `${EXEMPTION_BASIS_LABELS[input.basis]} (${basisRule(input.basis)})${bopa ? `: approval ${bopa.approvalReference}` : ""}` },
            ...(counted.length ? [{ label: "Days counted", value: counted.map((r) => r.message).join(" ") }] : []),
          ],
          conditions: [
            "The hours, breaks and chaperone rules for performances still apply (Children (Performances and Activities) (England) Regulations 2014).",
            "Any further performance day must be checked again before the child takes part.",
          ],
        },
        baseUrl,
        now,
        { automatic: { name: "Automatic exemption check", role: "Children's licensing service" } },
      );
      await tx.update(exemptPerformances).set({ documentId: document.id }).where(eq(exemptPerformances.id, row.id));
      documents.push(document.reference);
      await recordAudit(tx, actor, {
        action: "exemption.recorded",
        recordType: "exempt-performance",
        recordId: row.id,
        after: { child: child.id, production: production.id, basis: input.basis, dates, document: document.reference, bopa: bopa?.reference },
      });
      const [parent] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, child.parentUserId));
      outboxIds.push(
        await queueEmail(tx, parent.email, "exempt-performance-recorded", {
          name: parent.name,
          childName: child.firstName,
          organisationName: organisation.name,
          productionTitle: production.title,
          dates: dates.map(formatDay),
          basis: EXEMPTION_BASIS_LABELS[input.basis],
          reference: document.reference,
          url: `${baseUrl}/children/${child.id}`,
        }),
      );
    }
    return { recorded: true as const, outcomes: summary, documents, outboxIds };
  });
}

const basisRule = (basis: ExemptionBasis) =>
  basis === "four-day-rule" ? "EXEMPT-4DAY" : basis === "bopa" ? "EXEMPT-BOPA" : "EXEMPT-SCHOOL";
