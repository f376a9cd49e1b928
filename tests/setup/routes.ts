/** Helpers for tests that call loaders, actions and verbs directly. */
import { expect } from "vitest";
import { RuleError } from "~/domain/errors";
import { startSession } from "~/server/session.server";

/** The CSRF token route tests post, matching the context they pass. */
export const TOKEN = "t".repeat(43);
export const routeContext = (baseUrl = "http://localhost", ip = "198.51.100.7") => ({ csrfToken: TOKEN, cspNonce: "n", ip, baseUrl });

/** A session cookie (`name=value`) for the user. */
export async function signedIn(user: { id: string }) {
  const setCookie = await startSession(new Request("http://localhost/"), user.id, { staff: false, ip: null });
  return setCookie.split(";")[0];
}

/** What a loader or action answered: the Response it returned or threw. */
export async function run(promise: Promise<unknown>) {
  try {
    return (await promise) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The field errors of the RuleError the work must fail with. */
export async function ruleErrors(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuleError);
  return (error as RuleError).fieldErrors;
}

/** The messages of the RuleError the work must fail with. */
export async function ruleMessages(work: Promise<unknown>) {
  return Object.values(await ruleErrors(work)).flat();
}
