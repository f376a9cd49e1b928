/** Concerns and LADO referrals: the verbs routes may call. */
export { addCaseMember } from "./safeguarding/addCaseMember";
export { bookedChaperones, concernAuthorities, reporterCouncil } from "./safeguarding/concernChoices";
export { deliverSafeguardingEvent, dispatchDeliveries, sweepDeliveries } from "./safeguarding/deliveries";
export { getCase } from "./safeguarding/getCase";
export { listLadoCases, listNewConcernsForOfficer } from "./safeguarding/listLadoCases";
export { raiseConcern } from "./safeguarding/raiseConcern";
export { recordCaseLink } from "./safeguarding/recordCaseLink";
export { recordOutcome } from "./safeguarding/recordOutcome";
export { triageConcern } from "./safeguarding/triageConcern";
