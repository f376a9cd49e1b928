// Server-only entry point for the parent's side of child employment permits: the routes import verbs from here.
export * from "./employment/confirmParentPermitPart";
export * from "./employment/describePermitInvitation";
export * from "./employment/getPermitApplication";
export * from "./employment/invitePermitParty";
export * from "./employment/joinPermitByLink";
export * from "./employment/listParentPermits";
export * from "./employment/saveParentPermitPart";
export * from "./employment/startPermitApplication";
export * from "./employment/submitPermitApplication";
