import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDay } from "~/domain/calendar/dates";
import type { YesNoKey } from "./answers";

type Words = string | ((firstDate: string) => string);

export type YesNoQuestion = { key: YesNoKey; question: Words; error: Words; hint?: ReactNode; summary: Words };

/** The yes-or-no questions, by page. `summary` is the row's key on check your answers. */
export const YES_NO_QUESTIONS = {
  "performed-before": {
    key: "performedBefore",
    question: (first) => `Has the child performed on any other days in the 6 months before ${formatDay(first)}?`,
    error: (first) => `Select yes if the child has performed on other days in the 6 months before ${formatDay(first)}`,
    hint: "Count any performance, licensed or not, in any council area.",
    summary: (first) => `Performed on other days in the 6 months before ${formatDay(first)}`,
  },
  payment: {
    key: "paid",
    question: "Will the child be paid, beyond expenses?",
    error: "Select yes if the child will be paid beyond expenses",
    hint: "This includes payment to anyone for the child, such as a parent or agent. Expenses, like travel and meals, do not count.",
    summary: "Paid beyond expenses",
  },
  school: {
    key: "arrangedBySchool",
    question: "Is the performance arranged by the child's school?",
    error: "Select yes if the performance is arranged by the child's school",
    hint: "Dance and stage schools do not count.",
    summary: "Arranged by the child's school",
  },
  bopa: {
    key: "organiserHoldsBopa",
    question: "Does the organiser hold a body of persons approval (BOPA) from the council where it takes place?",
    error: "Select yes if the organiser holds a BOPA from the council where the performance takes place",
    hint: (
      <>
        A BOPA lets an organisation put on performances with children who are not paid. You can{" "}
        <Link className="govuk-link" to="/bopa-register">
          search the public register of BOPAs
        </Link>
        .
      </>
    ),
    summary: "Organiser holds a BOPA",
  },
  broadcast: {
    key: "broadcast",
    question: "Will it be filmed or recorded for broadcast or streaming?",
    error: "Select yes if the performance will be filmed or recorded for broadcast or streaming",
    hint: "For example, for television, a film, an advert or streaming online.",
    summary: "Filmed or recorded for broadcast or streaming",
  },
  "time-off-school": {
    key: "absenceFromSchool",
    question: "Will the child need time off school?",
    error: "Select yes if the child will need time off school",
    hint: "Include any part of a school day.",
    summary: "Needs time off school",
  },
} as const satisfies Record<string, YesNoQuestion>;

export type YesNoSlug = keyof typeof YES_NO_QUESTIONS;

export const words = (value: Words, firstDate: string) => (typeof value === "function" ? value(firstDate) : value);
