// Server-only entry point for the producer's side of performance licences: the routes import verbs from here.
export * from "./licences/copySchedule";
export * from "./licences/getProducerApplication";
export * from "./licences/listProductionApplications";
export * from "./licences/removeScheduleDay";
export * from "./licences/saveDayChaperone";
export * from "./licences/saveNightWorkReasons";
export * from "./licences/saveProducerContract";
export * from "./licences/saveProducerEducation";
export * from "./licences/saveProducerPayment";
export * from "./licences/saveScheduleDay";
export * from "./licences/startLicenceApplications";
