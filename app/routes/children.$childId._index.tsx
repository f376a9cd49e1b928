import { formatDate } from "~/domain/calendar/dates";
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getMyChild, REPORTED_DAY_TEXT_MAX, reportPerformanceDay, revokeChildShare } from "~/domain/children.server";
import { listParentPermits } from "~/domain/employment-parent.server";
import { BASIS_LABELS } from "~/domain/exemptions/labels";
import { listChildPerformanceDays } from "~/domain/exemptions.server";
import { listParentApplications } from "~/domain/licences-parent.server";
import { dateRule, EVEN_WITH_OTHER_ERRORS, isoDate } from "~/forms/chaperone";
import { dateParts, requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button, NotificationBanner, SummaryList, Table, Tag } from "~/ui/govuk/components";
import { DateInput, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: (data: { child?: { name: string } } | undefined) => data?.child?.name ?? "Your child" };

const LABEL = "date of the performance";
const daySchema = z
  .object({
    dateDay: z.string().optional(),
    dateMonth: z.string().optional(),
    dateYear: z.string().optional(),
    productionTitle: requiredText("Enter the name of the production or show", REPORTED_DAY_TEXT_MAX, `The name of the production must be ${REPORTED_DAY_TEXT_MAX} characters or fewer`),
    organiserName: requiredText("Enter who organised it", REPORTED_DAY_TEXT_MAX, `Who organised it must be ${REPORTED_DAY_TEXT_MAX} characters or fewer`),
  })
  .superRefine(dateParts("date", LABEL), EVEN_WITH_OTHER_ERRORS)
  .superRefine(dateRule("date", LABEL, (iso, today) => (iso > today ? "The date of the performance must be today or in the past" : undefined)), EVEN_WITH_OTHER_ERRORS);

const banners = (name: string) => ({
  added: `${name} has been added.`,
  changed: `${name}'s details have been saved.`,
  shared: `The production can now see ${name}'s details.`,
  removed: "The production can no longer see your child's details.",
  cancelled: "The share code has been cancelled. It can no longer be used.",
  dayAdded: "The performance day has been added to the record.",
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "parent:use");
  const { child, sharedWith, codes } = await guard(getMyChild(db(), actor, params.childId ?? ""));
  const days = await listChildPerformanceDays(db(), actor, child.id);
  const applications = await listParentApplications(db(), actor, { childId: child.id });
  const permits = await listParentPermits(db(), actor, { childId: child.id });
  const search = new URL(request.url).searchParams;
  const banner = Object.entries(banners(child.name)).find(([k]) => search.has(k))?.[1] ?? null;
  return json({
    child: {
      id: child.id,
      name: child.name,
      firstName: child.firstName,
      dateOfBirth: child.dateOfBirth,
      age: child.age,
      address: [child.addressLine1, child.addressLine2, child.town, child.postcode].filter(Boolean),
      homeAuthorityName: child.homeAuthorityName,
      school: child.school,
      hasPhoto: !!child.photoUploadId,
      photoTakenOn: child.photoTakenOn,
      birthCertificateFilename: child.birthCertificateFilename,
    },
    sharedWith: sharedWith.map((s) => ({ ...s, sharedAt: s.sharedAt?.toISOString() ?? null })),
    codes: codes.map((c) => ({ id: c.id, codeHint: c.codeHint, expiresAt: c.expiresAt.toISOString() })),
    // the labels live in a server module: send them with the days
    days: days.map((d) => ({ ...d, basisLabel: BASIS_LABELS[d.basis] })),
    applications,
    permits,
    banner,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "parent:use");
  const childId = params.childId ?? "";
  if (formData.get("intent") === "revoke") {
    const { wasUsed } = await guard(revokeChildShare(db(), actor, childId, String(formData.get("shareId") ?? "")));
    return redirect(`/children/${childId}?${wasUsed ? "removed" : "cancelled"}=1`);
  }
  const submission = parseWithZod(formData, { schema: daySchema });
  if (submission.status !== "success") return invalid(submission);
  const v = submission.value;
  try {
    await reportPerformanceDay(db(), actor, childId, { date: isoDate(v, "date", LABEL), productionTitle: v.productionTitle, organiserName: v.organiserName });
  } catch (error) {
    return replyWithError(submission, error);
  }
  return redirect(`/children/${childId}?dayAdded=1#performance-days`);
}

const longDate = (iso: string) => formatDate(iso.slice(0, 10));

export default function Child() {
  const { child, sharedWith, codes, days, applications, permits, banner } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("day", daySchema, useActionData<typeof action>());
  const edit = (field: string, hidden: string) => ({ to: `/children/${child.id}/edit#child-${field}`, label: "Change", hidden });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/children">Your children</BackLink>
        <ErrorSummary form={form} order={["dateDay", "productionTitle", "organiserName"]} />
        {banner ? (
          <NotificationBanner success>
            <p className="govuk-notification-banner__heading">{banner}</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">{child.name}</h1>
        <SummaryList
          rows={[
            { key: "Name", value: child.name, action: edit("firstName", "name") },
            { key: "Date of birth", value: `${formatDate(child.dateOfBirth)} (age ${child.age})`, action: edit("dateOfBirthDay", "date of birth") },
            {
              key: "Address",
              value: child.address.map((line) => (
                <span key={line} className="govuk-!-display-block">
                  {line}
                </span>
              )),
              action: edit("addressLine1", "address"),
            },
            { key: "Home council", value: child.homeAuthorityName },
            { key: "School", value: child.school, action: edit("school", "school") },
            {
              key: "Photograph",
              value: child.hasPhoto ? (
                <>
                  <img className="app-photo govuk-!-margin-bottom-2" src={`/children/${child.id}/photo`} alt={`Photograph of ${child.name}`} width={120} />
                  {child.photoTakenOn ? `Taken on ${formatDate(child.photoTakenOn)}` : null}
                </>
              ) : (
                "Not uploaded"
              ),
              action: edit("photo", "photograph"),
            },
            {
              key: "Birth certificate",
              value: child.birthCertificateFilename ? (
                <a className="govuk-link" href={`/children/${child.id}/birth-certificate`}>
                  {child.birthCertificateFilename}
                </a>
              ) : (
                "Not uploaded"
              ),
              action: edit("birthCertificate", "birth certificate"),
            },
          ]}
        />

        {applications.length ? (
          <Table
            caption="Licence applications"
            head={["Production", "Organisation", "Status", "Your part"]}
            rows={applications.map((a) => [
              <Link key={a.id} className="govuk-link" to={`/children/${child.id}/applications/${a.id}`}>
                {a.productionTitle}
              </Link>,
              a.organisationName,
              <Tag key="status" colour={a.statusColour}>
                {a.statusLabel}
              </Tag>,
              a.partStatusLabel,
            ])}
          />
        ) : null}

        <h2 className="govuk-heading-m" id="work-permits">
          Work permits
        </h2>
        {permits.length ? (
          <Table
            label="Work permits"
            head={["Job", "Status", "Reference", "Valid until"]}
            rows={permits.map((p) => [
              <Link key={p.id} className="govuk-link" to={`/children/${child.id}/permits/${p.id}`}>
                {[p.job, p.businessName].filter(Boolean).join(", ") || "Employer not known yet"}
              </Link>,
              <>
                <Tag colour={p.statusColour}>{p.statusLabel}</Tag>
                {p.nextStep ? <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{p.nextStep}</span> : null}
              </>,
              p.reference ?? "",
              p.endsOn ? formatDate(p.endsOn) : "",
            ])}
          />
        ) : (
          <p className="govuk-body">{child.firstName} has no work permits. Children from 13 need one from the council for any part-time job.</p>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/children/${child.id}/permits/new`}>
            Apply for a work permit
          </Link>
        </p>

        <h2 className="govuk-heading-m">Productions that can see {child.firstName}</h2>
        {sharedWith.length || codes.length ? (
          <Table
            label={`Productions that can see ${child.firstName}`}
            head={["Production", "Organisation", "Status", <span key="h" className="govuk-visually-hidden">Action</span>]}
            rows={[
              ...sharedWith.map((s) => [
                s.productionTitle,
                s.organisationName,
                s.sharedAt ? `Shared on ${longDate(s.sharedAt)}` : "Shared",
                <RevokeButton key={s.id} shareId={s.id} label="Remove access" hidden={`of ${s.organisationName} to ${child.firstName}'s details`} />,
              ]),
              ...codes.map((c) => [
                `Share code ending ${c.codeHint}`,
                "Not used yet",
                `Expires on ${longDate(c.expiresAt)}`,
                <RevokeButton key={c.id} shareId={c.id} label="Cancel code" hidden={`ending ${c.codeHint}`} />,
              ]),
            ]}
          />
        ) : (
          <p className="govuk-body">No production can see {child.firstName}'s details.</p>
        )}
        <PostForm action={`/children/${child.id}/share`}>
          <Button secondary>Share {child.firstName}'s details with a production</Button>
        </PostForm>

        <h2 className="govuk-heading-m" id="performance-days">
          Performance days
        </h2>
        <p className="govuk-body">
          Every day {child.firstName} has performed, wherever it was. An unpaid child can perform without a licence on up to 4 days in 6 months, so
          producers and councils check this record.
        </p>
        {days.length ? (
          <Table
            label="Performance days"
            head={["Date", "Production", "Organiser", "Basis"]}
            rows={days.map((d) => [formatDate(d.date), d.productionTitle, d.organiserName, d.basisLabel])}
          />
        ) : (
          <p className="govuk-body">There are no performance days on record.</p>
        )}

        <h3 className="govuk-heading-s">Add a performance day from elsewhere</h3>
        <p className="govuk-body">Add days {child.firstName} performed before this service was used, or that a production did not record here.</p>
        <PostForm form={getFormProps(form)}>
          <DateInput id="date" legend="Date of the performance" hint="For example, 14 3 2026" day={fields.dateDay} month={fields.dateMonth} year={fields.dateYear} />
          <TextInput field={fields.productionTitle} label="Production or show" />
          <TextInput field={fields.organiserName} label="Organised by" hint="The company, school or group that put it on" />
          <Button secondary>Add performance day</Button>
        </PostForm>
      </div>
    </div>
  );
}

function RevokeButton({ shareId, label, hidden }: { shareId: string; label: string; hidden: string }) {
  return (
    <PostForm>
      <input type="hidden" name="intent" value="revoke" />
      <input type="hidden" name="shareId" value={shareId} />
      <button type="submit" className="app-link-button">
        {label}
        <span className="govuk-visually-hidden"> {hidden}</span>
      </button>
    </PostForm>
  );
}
