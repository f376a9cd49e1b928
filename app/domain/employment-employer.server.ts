// Server-only entry point for the employer's side of child employment permits: the routes import verbs from here.
export * from "./employment/describePermitInvitation";
export * from "./employment/getPermitApplication";
export * from "./employment/invitePermitParty";
export * from "./employment/joinPermitByLink";
export * from "./employment/listEmployerPermits";
export * from "./employment/saveEmployerPart";
export * from "./employment/startPermitApplication";
export * from "./employment/submitPermitApplication";
