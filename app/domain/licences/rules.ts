/**
 * Performance licence applications, education and chaperones (DOMAIN.md §1.4, §1.6, §2; PERF-APP-*, EDU-*,
 * CHAP-*, SCHOOL-*). Numbers live here; `local` ones are authority settings. The hours rules are in ../hours.
 */
export const LICENCE_RULES = {
  "PERF-APP-21": { days: 21, source: "SI 2014/3309 reg 4: the authority may refuse an application received less than 21 days before the first performance" },
  "PERF-APP-PHOTO": { months: 6, local: true, source: "Council practice: a photograph taken within the last 6 months" },
  "PERF-APP-OTHER": { months: 12, source: "SI 2014/3309 Sch 1: licences granted or refused by other councils in the last 12 months" },
  "EDU-TUTOR": {
    maxPupils: 6,
    maxPupilsSimilarStandard: 12,
    minHoursPerSchoolDay: 3,
    source: "SI 2014/3309 reg 11: education by a private teacher approved by the authority",
  },
  "CHAP-NEEDED": { source: "SI 2014/3309 reg 15: a child not with a parent or usual teacher is in the charge of an approved chaperone" },
  "CHAP-RATIO": { maxChildren: 12, maxChildrenIfTutor: 3, source: "SI 2014/3309 reg 16" },
  "CHAP-VALID": { source: "SI 2014/3309 reg 20: the chaperone's approval is in force on every date they are named for" },
  "SCHOOL-DEADLINE": { defaultWorkingDays: 5, reminderWorkingDaysBefore: 2, local: true, source: "Council practice: the head teacher's view within 5 working days" },
} as const;

/** Conditions commonly attached to a performance licence; the officer picks and may add their own. */
export const LICENCE_STANDARD_CONDITIONS = [
  { id: "chaperone", text: "The child is supervised at all times by the named parent or approved chaperone." },
  { id: "hours", text: "The hours and breaks in the schedule are kept, within the limits for the child's age." },
  { id: "records", text: "Daily records of attendance, hours, breaks, tuition and payments are kept for 6 months and shown to the council on request." },
  { id: "changes", text: "The council is told at once of any change of venue, chaperone, dates or times." },
  { id: "illness", text: "Any illness or injury is reported at once to the parent and to the home and host councils." },
] as const;
