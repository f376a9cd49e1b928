import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { RuleError } from "../errors";
import { applicationForProducer } from "./access";
import { editableForProducer, saveProducerAnswers } from "./producerPart";
import { type EducationInput, educationProblems } from "./producerRules";

const TUTOR_NAME_MAX = 200;

/** EDU-TUTOR: who teaches the child on the school days they miss, for how long and with how many others. */
export async function saveProducerEducation(db: Db, actor: Actor, applicationId: string, input: EducationInput, now = new Date()) {
  await applicationForProducer(db, actor, applicationId);
  const errors = educationProblems(input);
  if (input.tutorName.trim().length > TUTOR_NAME_MAX) errors.tutorName ??= [`The tutor's name must be ${TUTOR_NAME_MAX} characters or fewer`];
  if (Object.keys(errors).length) throw new RuleError(errors);
  return db.transaction(async (tx) => {
    const application = await editableForProducer(tx, actor, applicationId);
    const answers = { tutorName: input.tutorName.trim(), tutorHoursPerDay: input.tutorHoursPerDay, pupilsPerTutor: input.pupilsPerTutor };
    return saveProducerAnswers(tx, actor, application, "licence.education-saved", answers, now);
  });
}
