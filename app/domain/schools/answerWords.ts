/** The school's question and its error messages, by what it is asked about (SCHOOL-*). Browser-safe. */
export const ANSWER_MESSAGES = {
  performance: {
    title: "Absence from school for a performance: the school's view",
    response: "Select whether you consent to the absence",
    grounds: "Select the grounds for your objection",
    reasons: "Enter your reasons for objecting",
  },
  permit: {
    title: "A pupil's part-time job: the school's view",
    response: "Select whether the school has a concern about the child working",
    grounds: "Select what the school's concern is about",
    reasons: "Enter the school's concern",
  },
} as const;

export type ConsultationKind = keyof typeof ANSWER_MESSAGES;

/** The kind posted with the form (a hidden field), defaulting to a performance. */
export const kindOf = (value: unknown): ConsultationKind => (value === "permit" ? "permit" : "performance");
