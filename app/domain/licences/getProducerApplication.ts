import { and, asc, eq, ne } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import { children } from "#db/schema/children";
import { performanceApplications } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { ageOn } from "../calendar/dates";
import { listCast, loadCastChild } from "../children/access";
import { dayLimits } from "../hours/rules";
import { dayTimeline } from "../hours/timeline";
import { MAIN_VENUE, listVenues, venueOfDay, venueText } from "../productions/venues";
import { schoolAnswerStatus } from "../schools/schoolAnswerStatus";
import { applicationForProducer } from "./access";
import { assessProducerPart, similarStandard } from "./producerPart";
import { isEditable } from "./states";

/**
 * One application for its producer: the producer's part checked now (each day with its venue, hours findings,
 * chaperone and, with `timelines`, a picture of the day), the parent's part's progress, and the other children
 * of the production whose applications are still drafts (to copy the schedule to).
 */
export async function getProducerApplication(db: Db, actor: Actor, applicationId: string, { timelines = false } = {}) {
  const application = await applicationForProducer(db, actor, applicationId);
  // A parent who removes the production's access to their child takes the child's application out of view too.
  await loadCastChild(db, application.productionId, application.childId);
  const assessment = await assessProducerPart(db, application);
  const { production, child } = assessment;
  const [[authority], [organisation], drafts, cast, venues] = await Promise.all([
    db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, application.authorityId)),
    db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, application.organisationId)),
    db
      .select({ id: performanceApplications.id, childId: performanceApplications.childId, firstName: children.firstName, lastName: children.lastName })
      .from(performanceApplications)
      .innerJoin(children, eq(children.id, performanceApplications.childId))
      .where(
        and(
          eq(performanceApplications.productionId, production.id),
          eq(performanceApplications.status, "draft"),
          ne(performanceApplications.id, application.id),
        ),
      )
      .orderBy(asc(children.lastName), asc(children.firstName)),
    listCast(db, production.id),
    listVenues(db, production),
  ]);
  // Only children still shared with the production.
  const group = drafts.filter((d) => cast.some((c) => c.id === d.childId)).map((d) => ({ id: d.id, name: `${d.firstName} ${d.lastName}` }));

  const days = assessment.days.map((day) => {
    const chaperone = assessment.chaperones.find((c) => c.dayId === day.id)!;
    return {
      id: day.id,
      date: day.date,
      kind: day.kind,
      venueId: day.venueId ?? MAIN_VENUE,
      venue: venues.length > 1 ? venueText(venueOfDay(venues, day.venueId)) : null,
      arrive: day.arrive,
      depart: day.depart,
      performing: day.performing,
      breaks: day.breaks,
      schoolDay: day.schoolDay,
      findings: assessment.findings.filter((f) => f.date === day.date),
      chaperone,
      timeline: timelines ? dayTimeline(day, dayLimits(child.dateOfBirth, day.date)) : null,
    };
  });

  return {
    application: {
      id: application.id,
      status: application.status,
      reference: application.reference,
      editable: isEditable(application.status),
      paid: application.paid,
      paymentDetails: application.paymentDetails,
      nightWorkReasons: application.nightWorkReasons,
      tutorName: application.tutorName,
      tutorHoursPerDay: application.tutorHoursPerDay,
      pupilsPerTutor: application.pupilsPerTutor,
      similarStandard: similarStandard(application.pupilsPerTutor),
      producerPartCompletedAt: application.producerPartCompletedAt?.toISOString() ?? null,
      parentPartCompletedAt: application.parentPartCompletedAt?.toISOString() ?? null,
    },
    child: { name: child.name, firstName: child.firstName, dateOfBirth: child.dateOfBirth, ageOnFirstDate: ageOn(child.dateOfBirth, production.firstDate) },
    production: { id: production.id, title: production.title, firstDate: production.firstDate, lastDate: production.lastDate, paid: production.paid },
    /** The production's venues, the main one first; a day's venue is asked for only when there are several. */
    venues: venues.map((v) => ({ id: v.id, name: v.name, postcode: v.postcode, hostAuthorityName: v.hostAuthorityName })),
    organisationName: organisation?.name ?? "",
    homeAuthorityName: authority?.name ?? "",
    days,
    nightWork: assessment.nightWork,
    blockingFindings: assessment.findings.length - assessment.nightWork.length,
    schoolDaysMissed: assessment.schoolDaysMissed,
    contract: assessment.contract,
    sections: assessment.sections,
    complete: assessment.complete,
    group,
    school: await schoolAnswerStatus(db, application.id),
    canSubmit: isEditable(application.status) && !!application.producerPartCompletedAt && !!application.parentPartCompletedAt,
  };
}

export type ProducerApplicationView = Awaited<ReturnType<typeof getProducerApplication>>;
