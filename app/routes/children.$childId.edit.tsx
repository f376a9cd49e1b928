import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { findAuthorityForPostcode, listAuthorities } from "~/domain/chaperones.server";
import { changeChildDetails, getMyChild, listSchoolChoices } from "~/domain/children.server";
import { EDUCATED_AT_HOME } from "~/domain/children/rules";
import { dateFields } from "~/forms/chaperone";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { ChildForm, childSchema } from "~/ui/children/ChildForm";
import { childFormAction } from "~/ui/children/childForm.server";
import { BackLink } from "~/ui/govuk/components";
import { useGovukForm } from "~/ui/govuk/form";

export const handle = { title: (data: { name?: string } | undefined) => (data?.name ? `Change ${data.name}'s details` : "Change details") };

const schema = childSchema("edit");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "parent:use");
  const { child } = await guard(getMyChild(db(), actor, params.childId ?? ""));
  const [councils, schools, matched] = await Promise.all([listAuthorities(db()), listSchoolChoices(db()), findAuthorityForPostcode(db(), child.postcode)]);
  return json({
    id: child.id,
    name: child.name,
    councils,
    schools,
    askCouncil: !matched,
    files: { photoUrl: child.photoUploadId ? `/children/${child.id}/photo` : null, photoFilename: child.photoFilename, birthCertificateFilename: child.birthCertificateFilename },
    saved: {
      firstName: child.firstName,
      lastName: child.lastName,
      ...dateFields("dateOfBirth", child.dateOfBirth),
      addressLine1: child.addressLine1,
      addressLine2: child.addressLine2 ?? undefined,
      town: child.town,
      postcode: child.postcode,
      authorityId: matched ? undefined : child.homeAuthorityId,
      school: child.schoolChoice,
      schoolId: child.schoolId ?? undefined,
      schoolName: child.schoolName && child.schoolName !== EDUCATED_AT_HOME ? child.schoolName : undefined,
      ...dateFields("photoTakenOn", child.photoTakenOn),
    },
  });
}

export const action = (args: ActionFunctionArgs) =>
  childFormAction(args, "edit", async (actor, input) => {
    const { childId } = await changeChildDetails(db(), actor, args.params.childId ?? "", input);
    return redirect(`/children/${childId}?changed=1`);
  });

export default function ChangeChild() {
  const { id, name, councils, schools, askCouncil, files, saved } = useLoaderData<typeof loader>();
  const form = useGovukForm("child", schema, useActionData<typeof action>(), saved);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${id}`}>{name}</BackLink>
        <ChildForm
          form={form}
          heading={`Change ${name}'s details`}
          submitLabel="Save changes"
          councils={councils}
          schools={schools}
          askCouncil={askCouncil}
          saved={files}
        />
      </div>
    </div>
  );
}
