import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getSchool } from "~/domain/schools.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { BackLink, SummaryList } from "~/ui/govuk/components";
import { RecordHistory } from "~/ui/history/RecordHistory";

export const handle = { title: (data: { school?: { name: string } }) => data?.school?.name ?? "School" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "officer:use");
  return json({ school: await guard(getSchool(db(), actor, params.schoolId ?? "")) });
}

export default function SchoolPage() {
  const { school } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/officer" />
      <span className="govuk-caption-l">{school.authorityName}</span>
      <h1 className="govuk-heading-l">{school.name}</h1>
      <SummaryList
        rows={[
          { key: "URN", value: school.urn ?? "Not known" },
          { key: "Postcode", value: school.postcode ?? "Not known" },
        ]}
      />
      <RecordHistory events={school.history} />
    </>
  );
}
