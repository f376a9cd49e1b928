import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import { createCookieSessionStorage, json, redirect } from "@remix-run/node";
import { findAuthorityForPostcode } from "~/domain/chaperones.server";
import { addDays, formatDay, londonDate } from "~/domain/calendar/dates";
import { checkExemption, DEFAULT_LOCAL_SETTINGS } from "~/domain/exemptions/rules";
import { getAuthoritySettings } from "~/domain/settings.server";
import {
  afterAnswer,
  APPLY_DAYS_BEFORE,
  CHECK_ANSWERS,
  CHECKER_PATH,
  CheckerAnswers,
  type DateList,
  dateProblem,
  earlierWindow,
  EMPTY_ANSWERS,
  firstDate,
  firstUnanswered,
  fourDayCounts,
  previousStep,
  type StepSlug,
  sortedDates,
  STEPS,
  stepPath,
  toExemptionInput,
} from "~/ui/checker/answers";
import { words, YES_NO_QUESTIONS, type YesNoSlug } from "~/ui/checker/questions";
import { dateListSchema, dateOfBirthSchema, dateTyped, normalisePostcode, postcodeSchema, yesNoSchema } from "~/ui/checker/schemas";
import { isoDate } from "~/forms/chaperone";
import { db } from "./db.server";
import { servedOverHttps } from "./env.server";
import { invalid, readForm } from "./forms.server";
import { sessionSecret } from "./secrets.server";

/**
 * The public licence checker keeps its answers in a signed cookie of its own, for a day, and writes nothing to
 * the database: no account, nothing to delete.
 */
function storage() {
  return createCookieSessionStorage<{ answers: unknown }>({
    cookie: {
      name: "clp_checker",
      httpOnly: true,
      sameSite: "lax",
      secure: servedOverHttps(),
      path: CHECKER_PATH,
      maxAge: 24 * 60 * 60,
      secrets: [sessionSecret()],
    },
  });
}

async function readAnswers(request: Request): Promise<CheckerAnswers> {
  const session = await storage().getSession(request.headers.get("Cookie"));
  const parsed = CheckerAnswers.safeParse(session.get("answers") ?? {});
  return parsed.success ? parsed.data : EMPTY_ANSWERS;
}

async function saveAndGo(answers: CheckerAnswers, to: string) {
  const s = storage();
  const session = await s.getSession();
  session.set("answers", answers);
  return redirect(to, { headers: { "Set-Cookie": await s.commitSession(session) } });
}

/** Forgets every answer and goes back to the first question. */
export async function startAgain(request: Request, context: AppLoadContext) {
  await readForm(request, context);
  const s = storage();
  const session = await s.getSession(request.headers.get("Cookie"));
  return redirect(stepPath(STEPS[0].slug), { headers: { "Set-Cookie": await s.destroySession(session) } });
}

/** A question page's loader: the answers so far (or off to the first unanswered question) and where "Back" goes. */
export async function loadQuestion(request: Request, slug: StepSlug) {
  const answers = await readAnswers(request);
  const missing = firstUnanswered(answers, slug);
  if (missing) throw redirect(stepPath(missing));
  const fromCheck = new URL(request.url).searchParams.get("from") === "check";
  const previous = previousStep(slug, answers);
  return { answers, fromCheck, back: fromCheck ? stepPath(CHECK_ANSWERS) : previous ? stepPath(previous) : CHECKER_PATH };
}

/** An answer's action starts here: CSRF, the answers so far, and whether to return to check your answers. */
async function readAnswer(request: Request, context: AppLoadContext, slug: StepSlug) {
  const formData = await readForm(request, context);
  const answers = await readAnswers(request);
  const missing = firstUnanswered(answers, slug);
  if (missing) throw redirect(stepPath(missing));
  return { formData, answers, fromCheck: formData.get("returnTo") === "check" };
}

export async function postcodeAction({ request, context }: ActionFunctionArgs) {
  const { formData, answers, fromCheck } = await readAnswer(request, context, "where-does-the-child-live");
  const submission = parseWithZod(formData, { schema: postcodeSchema });
  if (submission.status !== "success") return invalid(submission);
  const postcode = submission.value.postcode;
  const next = { ...answers, postcode: postcode ? normalisePostcode(postcode) : "" };
  return saveAndGo(next, afterAnswer("where-does-the-child-live", next, fromCheck));
}

export async function dateOfBirthAction({ request, context }: ActionFunctionArgs) {
  const { formData, answers, fromCheck } = await readAnswer(request, context, "date-of-birth");
  const submission = parseWithZod(formData, { schema: dateOfBirthSchema });
  if (submission.status !== "success") return invalid(submission);
  const dateOfBirth = isoDate(submission.value, "dateOfBirth", "child's date of birth");
  const first = firstDate(answers);
  if (first && dateOfBirth > first) {
    return json(submission.reply({ fieldErrors: { dateOfBirthDay: [`The child's date of birth must be on or before their first performance date, ${formatDay(first)}`] } }), {
      status: 400,
    });
  }
  const next = { ...answers, dateOfBirth };
  return saveAndGo(next, afterAnswer("date-of-birth", next, fromCheck));
}

const DATE_LISTS = {
  "performance-dates": { list: "dates", label: "performance date", none: "Add at least one performance date" },
  "earlier-dates": { list: "earlierDates", label: "date of the earlier performance", none: "Add at least one date the child performed on" },
} as const satisfies Record<string, { list: DateList; label: string; none: string }>;

export type DateListSlug = keyof typeof DATE_LISTS;

/** The add-another date pages: "Remove", "Add date" (back to the same page) and "Continue". */
export async function dateListAction({ request, context }: ActionFunctionArgs, slug: DateListSlug) {
  const { formData, answers, fromCheck } = await readAnswer(request, context, slug);
  const { list, label, none } = DATE_LISTS[slug];
  const samePage = stepPath(slug, fromCheck);
  if (formData.get("intent") === "remove") {
    const removed = String(formData.get("date") ?? "");
    return saveAndGo({ ...answers, [list]: answers[list].filter((d) => d !== removed) }, samePage);
  }
  const submission = parseWithZod(formData, { schema: dateListSchema(label) });
  if (submission.status !== "success") return invalid(submission);
  const refuse = (message: string) => json(submission.reply({ fieldErrors: { dateDay: [message] } }), { status: 400 });
  let dates = answers[list];
  const v = submission.value;
  if (dateTyped(v)) {
    const iso = isoDate(v, "date", label);
    const problem = dateProblem(list, iso, answers);
    if (problem) return refuse(problem);
    dates = sortedDates([...dates, iso]);
  }
  const next = { ...answers, [list]: dates };
  if (v.intent !== "continue") return saveAndGo(next, samePage);
  if (!dates.length) return refuse(none);
  return saveAndGo(next, afterAnswer(slug, next, fromCheck));
}

export async function loadDateList(request: Request, slug: DateListSlug) {
  const { answers, fromCheck, back } = await loadQuestion(request, slug);
  return { dates: sortedDates(answers[DATE_LISTS[slug].list]), window: earlierWindow(answers), fromCheck, back };
}

export async function loadYesNo(request: Request, slug: YesNoSlug) {
  const { answers, fromCheck, back } = await loadQuestion(request, slug);
  const q = YES_NO_QUESTIONS[slug];
  const saved = answers[q.key];
  const first = firstDate(answers) ?? "";
  return {
    question: words(q.question, first),
    error: words(q.error, first),
    saved: { answer: saved === true ? "yes" : saved === false ? "no" : undefined },
    fromCheck,
    back,
  };
}

export async function yesNoAction({ request, context }: ActionFunctionArgs, slug: YesNoSlug) {
  const { formData, answers, fromCheck } = await readAnswer(request, context, slug);
  const q = YES_NO_QUESTIONS[slug];
  const submission = parseWithZod(formData, { schema: yesNoSchema(words(q.error, firstDate(answers) ?? "")) });
  if (submission.status !== "success") return invalid(submission);
  const next = { ...answers, [q.key]: submission.value.answer === "yes" };
  return saveAndGo(next, afterAnswer(slug, next, fromCheck));
}

/** Check your answers and the result need every question answered. */
export async function requireAllAnswers(request: Request) {
  const answers = await readAnswers(request);
  const missing = firstUnanswered(answers);
  if (missing) throw redirect(stepPath(missing));
  return answers;
}

/**
 * The result: the exemption rules applied with the local settings of the council for the child's postcode,
 * or the defaults when the postcode is not known or matches no council.
 */
export async function checkerResult(request: Request, today = londonDate()) {
  const answers = await requireAllAnswers(request);
  const authority = answers.postcode ? await findAuthorityForPostcode(db(), answers.postcode) : null;
  const settings = authority ? await getAuthoritySettings(db(), authority.id) : null;
  const local = settings ? { absenceAllowed: settings.exemptAbsenceAllowed, broadcastAllowed: settings.exemptBroadcastAllowed } : DEFAULT_LOCAL_SETTINGS;
  const input = toExemptionInput(answers);
  const first = input.performance.dates[0];
  const applyBy = addDays(first, -APPLY_DAYS_BEFORE);
  return {
    result: checkExemption(input, local),
    local,
    postcode: answers.postcode ?? "",
    authority: authority ? { name: authority.name } : null,
    paid: input.performance.paid,
    counts: fourDayCounts(input),
    firstDate: first,
    applyBy,
    late: applyBy < today,
  };
}
