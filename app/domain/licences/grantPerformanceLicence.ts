import { HOLD_LABEL, holdsOn } from "../safeguarding/holds";
import { asc, eq } from "drizzle-orm";
import { performanceDays } from "#db/schema/children";
import { performanceApplications, scheduleDays } from "#db/schema/licences";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import type { Image } from "../documents/content";
import { issueDocument } from "../documents/issueDocument";
import { ForbiddenError, RuleError } from "../errors";
import { checkSchedule } from "../hours/rules";
import { can } from "../identity/capabilities";
import { queueEmail } from "../notifications/queueEmail";
import { PRODUCTION_KIND_LABELS } from "../productions/labels";
import { dayHostAuthorities, listVenues, venueOfDay, venueText } from "../productions/venues";
import { dayChaperones } from "./chaperoneChecks";
import { datesText, hoursDays, licenceSchedule } from "./officerSchedule";
import { applicationParties, hostAuthorityOfficers, LICENCE_RECORD, LICENCE_TEXT_MAX, latestConsultation, submittedForOfficer } from "./officerScope";
import { LICENCE_STANDARD_CONDITIONS } from "./rules";
import { assertLicenceTransition } from "./states";

export type GrantLicenceInput = {
  /** Ids from LICENCE_STANDARD_CONDITIONS. */
  standardConditions: string[];
  /** The officer's own conditions, one per line. */
  customConditions?: string | null;
  /** Required when the school objected: recorded in the decision and sent to the school. */
  objectionAnswer?: string | null;
  /** The authority's express permission for night work in the schedule (HOURS-NIGHT). */
  permitNightWork?: boolean;
};

const CUSTOM_CONDITION_MAX = 500;
const CUSTOM_CONDITIONS_MAX = 20;
const IMAGE_TYPES: Record<string, Image["type"]> = { "image/jpeg": "jpeg", "image/png": "png" };

/** The conditions printed on the licence: the ticked standard ones in their usual order, then the officer's own. */
export function licenceConditions(input: Pick<GrantLicenceInput, "standardConditions" | "customConditions">) {
  const errors: Record<string, string[]> = {};
  const unknown = input.standardConditions.filter((id) => !LICENCE_STANDARD_CONDITIONS.some((c) => c.id === id));
  if (unknown.length) errors.standardConditions = ["Select conditions from the list"];
  const custom = (input.customConditions ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (custom.some((line) => line.length > CUSTOM_CONDITION_MAX)) errors.customConditions = [`Each condition must be ${CUSTOM_CONDITION_MAX} characters or fewer`];
  else if (custom.length > CUSTOM_CONDITIONS_MAX) errors.customConditions = [`Enter ${CUSTOM_CONDITIONS_MAX} conditions or fewer`];
  const conditions = [...LICENCE_STANDARD_CONDITIONS.filter((c) => input.standardConditions.includes(c.id)).map((c) => c.text), ...custom];
  if (!conditions.length && !Object.keys(errors).length) errors.standardConditions = ["Select or enter at least one condition"];
  return { conditions, errors };
}

const money = (paid: boolean | null, details: string | null) => (paid ? details || "Paid (details not given)" : "Not paid beyond expenses");

/**
 * An officer of the child's home authority grants the licence. Every rule is checked again now: the schedule
 * within the hours rules, night work only with the officer's express permission (HOURS-NIGHT), each named
 * chaperone approved on their dates (CHAP-VALID) and within the ratio (CHAP-RATIO), and a school's objection
 * answered. Then, in one transaction: the signed performance licence is issued to the organisation as licence
 * holder (child, production, venue, dates, payment, chaperones, education, the day-by-day schedule and the
 * conditions), the application is marked granted, the licensed days join the child's performance-day record
 * (each in the area of its venue's council), the decision is audited, and copies are emailed to the producer, the
 * parent, the school (if it was asked) and the officers of each host authority of the days other than the home one.
 */
export async function grantPerformanceLicence(db: Db, actor: Actor, applicationId: string, input: GrantLicenceInput, baseUrl: string, now = new Date()) {
  const found = await submittedForOfficer(db, actor, applicationId);
  if (!can(actor, "document:issue", { authorityId: found.authorityId })) throw new ForbiddenError();

  return db.transaction(async (tx) => {
    const application = await submittedForOfficer(tx, actor, applicationId, { lock: true });
    const status = assertLicenceTransition(application.status, "grant");
    const p = await applicationParties(tx, application);
    const days = await tx.select().from(scheduleDays).where(eq(scheduleDays.applicationId, application.id)).orderBy(asc(scheduleDays.date));
    const consultation = await latestConsultation(tx, application.id);
    const chaperones = await dayChaperones(tx, application.productionId, days);
    const venues = await listVenues(tx, p.production);
    const several = venues.length > 1;
    const hostIds = dayHostAuthorities(venues, days);

    const { conditions, errors } = licenceConditions(input);
    const problems: string[] = [];
    if (!days.length) problems.push("The application has no performance days to license");
    // Night work the producer asked for (with reasons) is HOURS-NIGHT, for the officer to permit; any other finding stops the grant.
    const permitNightWork = !!input.permitNightWork;
    const hours = checkSchedule({ child: { dateOfBirth: p.child.dateOfBirth }, nightWorkPermitted: !!application.nightWorkReasons, days: hoursDays(days) });
    const nightWork = hours.findings.filter((f) => f.needsPermission);
    if (nightWork.length && !permitNightWork) errors.permitNightWork = ["Select “Permit the night work” to license the night work in the schedule, or refuse the application"];
    for (const f of hours.findings) if (!f.needsPermission) problems.push(`${f.message.replace(/\.$/, "")} (${f.rule})`);
    problems.push(...chaperones.flatMap((c) => c.problems));
    if ((await holdsOn(tx, [application.id])).size) problems.push(`${HOLD_LABEL}: the licence cannot be granted while the hold is in place`);
    if (problems.length) errors[""] = problems;
    const objected = consultation?.response === "object";
    const objectionAnswer = input.objectionAnswer?.trim() || null;
    if (objected && !objectionAnswer) errors.objectionAnswer = ["Enter your answer to the school's objection"];
    else if (objectionAnswer && objectionAnswer.length > LICENCE_TEXT_MAX) errors.objectionAnswer = [`Your answer must be ${LICENCE_TEXT_MAX} characters or fewer`];
    if (Object.keys(errors).length) throw new RuleError(errors);

    const nightWorkDates = [...new Set(nightWork.map((f) => f.date))].sort();
    const printed =
      permitNightWork && nightWorkDates.length
        ? [...conditions, `Night work as in the schedule is permitted on ${datesText(nightWorkDates)}, followed by a break of at least 16 hours.`]
        : conditions;
    const photoId = application.photoUploadId ?? p.child.photoUploadId;
    const [photo] = photoId ? await tx.select({ bytes: uploads.bytes, contentType: uploads.contentType }).from(uploads).where(eq(uploads.id, photoId)) : [];
    const firstDate = days[0].date;
    const lastDate = days[days.length - 1].date;
    const schoolDays = days.filter((d) => d.schoolDay).map((d) => d.date);
    const education = schoolDays.length
      ? `${schoolDays.length} school day${schoolDays.length === 1 ? "" : "s"} missed (${datesText(schoolDays)}). Tutor: ${application.tutorName ?? "not named"}, ${application.tutorHoursPerDay ?? "?"} hours a school day missed, at most ${application.pupilsPerTutor ?? "?"} pupils`
      : "No school days missed";
    const chaperoneText = [...new Set(chaperones.map((c) => c.label))].join("; ");
    const venueDetail = several
      ? {
          label: "Venues",
          value: venues
            .filter((v) => days.some((d) => venueOfDay(venues, d.venueId) === v))
            .map((v) => `${venueText(v)} (${v.hostAuthorityName})`)
            .join("; "),
        }
      : { label: "Venue", value: `${p.production.venueName}, ${p.production.venuePostcode} (${p.production.hostName})` };

    const licence = await issueDocument(
      tx,
      actor,
      {
        kind: "performance-licence",
        authorityId: application.authorityId,
        holder: { name: p.organisationName, description: "Licence holder (producer)" },
        organisationId: application.organisationId,
        holderEmail: p.production.producerEmail,
        parentUserId: p.child.parentUserId,
        child: {
          name: p.child.name,
          dateOfBirth: p.child.dateOfBirth,
          photo: photo && IMAGE_TYPES[photo.contentType] ? { bytes: new Uint8Array(photo.bytes), type: IMAGE_TYPES[photo.contentType] } : undefined,
        },
        validFrom: firstDate,
        validTo: lastDate,
        details: [
          { label: "Production", value: `${p.production.title} (${PRODUCTION_KIND_LABELS[p.production.kind]})` },
          venueDetail,
          { label: "Performance days", value: `${days.length} day${days.length === 1 ? "" : "s"}: ${datesText(days.map((d) => d.date))}` },
          { label: "Payment", value: money(application.paid, application.paymentDetails) },
          { label: "Chaperones", value: chaperoneText || "Not given" },
          { label: "Education", value: education },
          { label: "Application", value: application.reference ?? "" },
        ],
        conditions: printed,
        schedule: licenceSchedule(
          days.map((d, i) => ({ ...d, chaperone: chaperones[i].label, venue: several ? venueText(venueOfDay(venues, d.venueId)) : null })),
        ),
      },
      baseUrl,
      now,
    );
    await tx
      .update(performanceApplications)
      .set({
        status,
        documentId: licence.id,
        conditions: printed,
        decisionReason: objectionAnswer,
        decidedAt: now,
        decidedByUserId: actor.userId,
        updatedAt: now,
      })
      .where(eq(performanceApplications.id, application.id));
    await tx.insert(performanceDays).values(
      days.map((d) => ({
        childId: application.childId,
        date: d.date,
        kind: d.kind,
        basis: "licence" as const,
        productionId: application.productionId,
        productionTitle: p.production.title,
        organiserName: p.organisationName,
        authorityId: venueOfDay(venues, d.venueId).hostAuthorityId,
        recordedByUserId: actor.userId,
      })),
    );
    await recordAudit(tx, actor, {
      action: "licence.granted",
      recordType: LICENCE_RECORD,
      recordId: application.id,
      before: { status: application.status },
      after: {
        status,
        licence: licence.reference,
        validFrom: firstDate,
        validTo: lastDate,
        conditions: printed,
        nightWorkPermitted: permitNightWork && nightWorkDates.length > 0,
        hostAuthorityIds: hostIds,
        objectionAnswer,
        summary: licence.reference,
      },
    });

    const common = {
      reference: licence.reference,
      applicationReference: application.reference ?? "",
      childName: p.child.name,
      productionTitle: p.production.title,
      organisationName: p.organisationName,
      authorityName: p.authorityName,
      firstDate,
      lastDate,
      conditions: printed,
      url: `${baseUrl}/documents/${licence.reference}.pdf`,
      verifyUrl: `${baseUrl}/verify/${licence.reference}`,
    };
    const outboxIds = [
      await queueEmail(tx, p.production.producerEmail, "licence-granted", { ...common, name: p.production.producerName, audience: "producer" }),
      await queueEmail(tx, p.child.parentEmail, "licence-granted", { ...common, name: p.child.parentName, audience: "parent" }),
    ];
    if (consultation) {
      outboxIds.push(
        await queueEmail(tx, consultation.email, "licence-granted", {
          ...common,
          name: consultation.respondedByName || "Head teacher",
          audience: "school",
          objectionAnswer: objected ? objectionAnswer : null,
        }),
      );
    }
    for (const officer of await hostAuthorityOfficers(tx, hostIds, application.authorityId)) {
      outboxIds.push(await queueEmail(tx, officer.email, "licence-granted", { ...common, name: officer.name, audience: "host-authority" }));
    }
    return { status, reference: licence.reference, documentId: licence.id, outboxIds };
  });
}
