/**
 * kill -9 while an officer grants a 40-child production's licences together. Each licence is its own transaction
 * (docs/decisions/029), so after the crash every application is either fully granted – signed PDF in the register,
 * licensed days on the child's record, audit row, both emails queued – or untouched, with no gap in the licence
 * numbers. After a restart the officer grants the rest, and every email is delivered exactly once, including those
 * whose delivery job was lost or cut off by the kill.
 */
import { createProductionCast } from "#db/factories-licences";
import { createAuthority, createOrganisation, createUser } from "#db/factories";
import { LICENCE_STANDARD_CONDITIONS } from "~/domain/licences/rules";
import { openPostgres } from "~/server/db.server";
import { check, formPost, request, scenario, step, waitFor } from "./harness";

const CAST = 40;
const OFFICER = { email: "officer@kill.faults.example", password: "kill test officer password" };

type Row = { id: string; status: string; reference: string | null; pdfBytes: number | null; days: number; audits: number; emails: number };

export default scenario("kill-during-bulk-grant", "kill -9 during a 40-child bulk grant: each licence all or nothing, each email once", async (t) => {
  const url = await t.createDatabase();
  const sql = t.sql(url);

  step(`a production with a cast of ${CAST}, every application waiting in Northmere's queue`);
  const conn = await openPostgres(url);
  const north = await createAuthority(conn.db, { code: "NMC", name: "Northmere Council" });
  const company = await createOrganisation(conn.db, { kind: "producer", name: "Footlights Productions Ltd" });
  const producer = await createUser(conn.db, { email: "producer@kill.faults.example", memberships: [{ role: "producer", organisationId: company.id }] });
  await createUser(conn.db, { ...OFFICER, name: "Olive Officer", memberships: [{ role: "officer", authorityId: north.id }] });
  const { production, applications } = await createProductionCast(conn.db, { authorityId: north.id, organisationId: company.id, producerUserId: producer.id, size: CAST });
  await conn.close();
  const ids = applications.map((a) => a.id);
  const grantForm = { applicationIds: ids, standardConditions: LICENCE_STANDARD_CONDITIONS.map((c) => c.id) };

  const app = await t.startApp({ name: "app", databaseUrl: url });
  const signIn = await formPost(`${app.url}/sign-in`, OFFICER);
  const session = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("clp_session="));
  check("the officer signs in", signIn.status === 302 && !!session, signIn.status);
  const grantUrl = `${app.url}/officer/productions/${production.id}/grant`;

  step(`grant all ${CAST} together, and kill -9 the app once a few licences are issued`);
  const issued = async () => (await sql<{ n: number }[]>`select count(*)::int as n from issued_documents`)[0].n;
  const answer = formPost(grantUrl, grantForm, session);
  const before = await waitFor("the first licences to be issued", async () => ((await issued()) >= 5 ? issued() : false), 60_000, 10);
  await app.kill();
  const cut = await answer;
  const after = await issued();
  check(`the kill landed part-way: ${after} of ${CAST} issued, and the officer's request got no answer`, after >= before && after < CAST && cut.status === 0, {
    after,
    status: cut.status,
  });

  const rows = () => sql<Row[]>`
    select a.id, a.status, d.reference, length(d.pdf) as "pdfBytes",
      (select count(*)::int from performance_days p where p.child_id = a.child_id) as days,
      (select count(*)::int from audit_events e where e.record_id = a.id::text and e.action = 'licence.granted') as audits,
      (select count(*)::int from outbox o where o.template = 'licence-granted' and o.props->>'reference' = d.reference) as emails
    from performance_applications a left join issued_documents d on d.id = a.document_id
    where a.production_id = ${production.id}`;
  const whole = (r: Row) => r.status === "granted" && !!r.reference && (r.pdfBytes ?? 0) > 1000 && r.days === 2 && r.audits === 1 && r.emails === 2;
  const untouched = (r: Row) => r.status === "submitted" && !r.reference && r.days === 0 && r.audits === 0 && r.emails === 0;
  const crashed = await rows();
  const granted = crashed.filter(whole);
  check(
    `after the crash each licence is all or nothing: ${granted.length} fully issued (PDF, register, days, audit, 2 emails queued), ${crashed.filter(untouched).length} untouched`,
    crashed.every((r) => whole(r) || untouched(r)),
    crashed.filter((r) => !whole(r) && !untouched(r)),
  );
  const [{ documents }] = await sql<{ documents: number }[]>`select count(*)::int as documents from issued_documents`;
  const numbers = granted.map((r) => Number(r.reference?.slice(-6))).sort((a, b) => a - b);
  check(
    `the register holds exactly the ${granted.length} licences, numbered 1 to ${granted.length} without a gap`,
    documents === granted.length && numbers.every((n, i) => n === i + 1),
    { documents, numbers },
  );

  step("restart the app; the officer grants the rest");
  await app.restart();
  const again = await formPost(grantUrl, grantForm, session);
  check("the page answers (those already granted are reported, not granted twice)", again.status === 200 && again.body.includes("no longer waiting for a decision"), again.status);
  const done = await rows();
  check(`all ${CAST} licences are now fully issued, each once`, done.length === CAST && done.every(whole), done.filter((r) => !whole(r)));
  const page = await request(grantUrl, { headers: { Cookie: session ?? "" } });
  check("the production's page says every application has been decided", page.status === 200 && page.body.includes("Every application for this production has been decided"), page.status);

  step(`every email is delivered exactly once (${CAST * 2}: the producer and each parent)`);
  const t0 = Date.now();
  await waitFor(
    "every licence email to be sent",
    async () => (await sql<{ n: number }[]>`select count(*)::int as n from outbox where template = 'licence-granted' and status = 'sent'`)[0].n === CAST * 2,
    240_000,
    1000,
  );
  const [{ messages, delivered, twice }] = await sql<{ messages: number; delivered: number; twice: number }[]>`
    select count(*)::int as messages,
      (select count(*)::int from mailbox m join outbox o on o.id = m.outbox_id where o.template = 'licence-granted') as delivered,
      (select count(*)::int from (select outbox_id from mailbox group by outbox_id having count(*) > 1) x) as twice
    from outbox where template = 'licence-granted'`;
  check(
    `${messages} messages, ${delivered} delivered, none twice (${((Date.now() - t0) / 1000).toFixed(1)} s after the restart's grant)`,
    messages === CAST * 2 && delivered === CAST * 2 && twice === 0,
    { messages, delivered, twice },
  );
});
