export const handle = { title: "Privacy notice" };

export default function Privacy() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Privacy notice</h1>
        <p className="govuk-body">
          The council that decides your application is the data controller for the personal information you give in this service. Where an application involves more than one council (for example, a performance in another council's area), each council is a controller for the information it receives.
        </p>
        <h2 className="govuk-heading-m">What we collect and why</h2>
        <p className="govuk-body">
          We collect the information needed to decide licences, permits, chaperone approvals and exemptions under the Children and Young Persons Acts 1933 and 1963 and the Children (Performances and Activities) (England) Regulations 2014, and to keep children safe. This includes names and contact details, children's dates of birth, schools and photographs, and for chaperones, checks such as DBS certificate numbers.
        </p>
        <p className="govuk-body">Our lawful basis is that processing is necessary to perform a task in the public interest and to meet a legal obligation.</p>
        <h2 className="govuk-heading-m">Who can see it</h2>
        <p className="govuk-body">
          Only the people who need it: licensing officers at the council, the child's school when its view is asked for, and the producer or employer named on the application. Children's details are never shown to anyone else.
        </p>
        <h2 className="govuk-heading-m">How long we keep it</h2>
        <p className="govuk-body">We keep licensing records for as long as the law and the council's retention schedule require, then delete them.</p>
        <h2 className="govuk-heading-m">Your rights</h2>
        <p className="govuk-body">
          You can ask to see the information we hold about you, ask us to correct it, and in some cases ask us to delete it or stop using it. Contact your council's data protection officer. You can complain to the Information Commissioner's Office (ICO).
        </p>
      </div>
    </div>
  );
}
