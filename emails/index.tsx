import type { ReactElement } from "react";
import BopaGranted, * as bopaGranted from "./bopa-granted";
import BopaRefused, * as bopaRefused from "./bopa-refused";
import BopaSubmitted, * as bopaSubmitted from "./bopa-submitted";
import ChaperoneApplicationSubmitted, * as chaperoneApplicationSubmitted from "./chaperone-application-submitted";
import ChaperoneReferenceRequest, * as chaperoneReferenceRequest from "./chaperone-reference-request";
import ChaperoneApproved, * as chaperoneApproved from "./chaperone-approved";
import ChaperoneChangeReported, * as chaperoneChangeReported from "./chaperone-change-reported";
import ChaperoneInformationRequested, * as chaperoneInformationRequested from "./chaperone-information-requested";
import ChaperoneRefused, * as chaperoneRefused from "./chaperone-refused";
import ChaperoneRenewalReminder, * as chaperoneRenewalReminder from "./chaperone-renewal-reminder";
import ChildInvitation, * as childInvitation from "./child-invitation";
import ChildShared, * as childShared from "./child-shared";
import ClockEscalation, * as clockEscalation from "./clock-escalation";
import ConcernForLado, * as concernForLado from "./concern-for-lado";
import ConcernReceived, * as concernReceived from "./concern-received";
import ConfirmEmail, * as confirmEmail from "./confirm-email";
import DocumentStatusChanged, * as documentStatusChanged from "./document-status-changed";
import ExemptPerformanceRecorded, * as exemptPerformanceRecorded from "./exempt-performance-recorded";
import LadoHoldPlaced, * as ladoHoldPlaced from "./lado-hold-placed";
import LicenceGranted, * as licenceGranted from "./licence-granted";
import LicenceInformationRequested, * as licenceInformationRequested from "./licence-information-requested";
import LicenceParentPartComplete, * as licenceParentPartComplete from "./licence-parent-part-complete";
import LicenceProducerStarted, * as licenceProducerStarted from "./licence-producer-started";
import LicenceRefused, * as licenceRefused from "./licence-refused";
import LicenceSubmitted, * as licenceSubmitted from "./licence-submitted";
import PermitEnded, * as permitEnded from "./permit-ended";
import PermitGranted, * as permitGranted from "./permit-granted";
import PermitInvitation, * as permitInvitation from "./permit-invitation";
import PermitParentPartComplete, * as permitParentPartComplete from "./permit-parent-part-complete";
import PermitRefused, * as permitRefused from "./permit-refused";
import PermitRevoked, * as permitRevoked from "./permit-revoked";
import PermitSubmitted, * as permitSubmitted from "./permit-submitted";
import ResetPassword, * as resetPassword from "./reset-password";
import SchoolConsultationReminder, * as schoolConsultationReminder from "./school-consultation-reminder";
import SchoolConsultationRequest, * as schoolConsultationRequest from "./school-consultation-request";
import SchoolObjected, * as schoolObjected from "./school-objected";
import SchoolPermitNotice, * as schoolPermitNotice from "./school-permit-notice";
import StaffInvitation, * as staffInvitation from "./staff-invitation";

type Template<P> = {
  component: (props: P) => ReactElement;
  subject: (props: P) => string;
  previewProps: P;
};

function template<P>(component: (props: P) => ReactElement, mod: { subject: (p: P) => string; previewProps: P }): Template<P> {
  return { component, subject: mod.subject, previewProps: mod.previewProps };
}

/** Every notice the service sends: one template each, with preview props. */
export const templates = {
  "bopa-granted": template(BopaGranted, bopaGranted),
  "bopa-refused": template(BopaRefused, bopaRefused),
  "bopa-submitted": template(BopaSubmitted, bopaSubmitted),
  "chaperone-application-submitted": template(ChaperoneApplicationSubmitted, chaperoneApplicationSubmitted),
  "chaperone-reference-request": template(ChaperoneReferenceRequest, chaperoneReferenceRequest),
  "chaperone-approved": template(ChaperoneApproved, chaperoneApproved),
  "chaperone-change-reported": template(ChaperoneChangeReported, chaperoneChangeReported),
  "chaperone-information-requested": template(ChaperoneInformationRequested, chaperoneInformationRequested),
  "chaperone-refused": template(ChaperoneRefused, chaperoneRefused),
  "chaperone-renewal-reminder": template(ChaperoneRenewalReminder, chaperoneRenewalReminder),
  "child-invitation": template(ChildInvitation, childInvitation),
  "child-shared": template(ChildShared, childShared),
  "clock-escalation": template(ClockEscalation, clockEscalation),
  "concern-for-lado": template(ConcernForLado, concernForLado),
  "concern-received": template(ConcernReceived, concernReceived),
  "confirm-email": template(ConfirmEmail, confirmEmail),
  "document-status-changed": template(DocumentStatusChanged, documentStatusChanged),
  "exempt-performance-recorded": template(ExemptPerformanceRecorded, exemptPerformanceRecorded),
  "lado-hold-placed": template(LadoHoldPlaced, ladoHoldPlaced),
  "licence-granted": template(LicenceGranted, licenceGranted),
  "licence-information-requested": template(LicenceInformationRequested, licenceInformationRequested),
  "licence-parent-part-complete": template(LicenceParentPartComplete, licenceParentPartComplete),
  "licence-producer-started": template(LicenceProducerStarted, licenceProducerStarted),
  "licence-refused": template(LicenceRefused, licenceRefused),
  "licence-submitted": template(LicenceSubmitted, licenceSubmitted),
  "permit-ended": template(PermitEnded, permitEnded),
  "permit-granted": template(PermitGranted, permitGranted),
  "permit-invitation": template(PermitInvitation, permitInvitation),
  "permit-parent-part-complete": template(PermitParentPartComplete, permitParentPartComplete),
  "permit-refused": template(PermitRefused, permitRefused),
  "permit-revoked": template(PermitRevoked, permitRevoked),
  "permit-submitted": template(PermitSubmitted, permitSubmitted),
  "reset-password": template(ResetPassword, resetPassword),
  "school-consultation-reminder": template(SchoolConsultationReminder, schoolConsultationReminder),
  "school-consultation-request": template(SchoolConsultationRequest, schoolConsultationRequest),
  "school-objected": template(SchoolObjected, schoolObjected),
  "school-permit-notice": template(SchoolPermitNotice, schoolPermitNotice),
  "staff-invitation": template(StaffInvitation, staffInvitation),
};

export type TemplateName = keyof typeof templates;
export type TemplateProps<N extends TemplateName> = (typeof templates)[N]["previewProps"];
