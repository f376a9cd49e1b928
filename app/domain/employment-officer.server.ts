// Server-only entry point for the officer's side of employment permits (and the employer's report that a job has ended).
export * from "./employment/endEmploymentPermit";
export * from "./employment/getPermitForOfficer";
export * from "./employment/getPermitToEnd";
export * from "./employment/grantEmploymentPermit";
export * from "./employment/listPermitQueue";
export * from "./employment/refuseEmploymentPermit";
export * from "./employment/revokeEmploymentPermit";
