import type { ReactNode } from "react";
import { type Field, Radios, Select, TextInput } from "~/ui/govuk/fields";

export type SchoolChoice = { id: string; name: string; authorityName: string };

/** Where the child goes to school: a school on our list (chosen from `schools`), one not on it (named), or home. */
export function SchoolRadios({
  fields,
  schools,
  legend,
  hint,
  isPageHeading,
}: {
  fields: { school: Field; schoolId: Field; schoolName: Field };
  schools: SchoolChoice[];
  legend: ReactNode;
  hint?: ReactNode;
  isPageHeading?: boolean;
}) {
  return (
    <Radios
      field={fields.school}
      isPageHeading={isPageHeading}
      legend={legend}
      hint={hint}
      options={[
        {
          value: "listed",
          label: "A school on our list",
          conditional: (
            <Select
              field={fields.schoolId}
              label="School"
              options={[{ value: "", label: "Select a school" }, ...schools.map((s) => ({ value: s.id, label: `${s.name} (${s.authorityName})` }))]}
            />
          ),
        },
        { value: "not-listed", label: "A school not on our list", conditional: <TextInput field={fields.schoolName} label="Name of the school" /> },
        { value: "home", label: "Educated at home" },
      ]}
    />
  );
}
