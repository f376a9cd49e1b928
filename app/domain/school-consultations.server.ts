// Server-only entry point for routes: the .server suffix keeps these verbs (and drizzle) out of browser bundles.
export * from "./schools/answerConsultation";
export * from "./schools/getConsultationByToken";
export * from "./schools/getSchoolConsultation";
export * from "./schools/listSchoolConsultations";
export * from "./schools/sendConsultationReminders";
export type { ConsultationAnswer, ConsultationPage, ConsultationView } from "./schools/consultationView";
