// Server-only entry point for routes: the .server suffix keeps these verbs (and drizzle) out of browser bundles.
export * from "./identity/acceptInvitation";
export * from "./identity/changePassword";
export * from "./identity/confirmEmail";
export * from "./identity/getOrganisation";
export * from "./identity/inviteColleague";
export * from "./identity/inviteStaff";
export * from "./identity/listMemberships";
export * from "./identity/listStaff";
export * from "./identity/loadActor";
export * from "./identity/passwords";
export * from "./identity/registerAccount";
export * from "./identity/requestPasswordReset";
export * from "./identity/resetPassword";
export * from "./identity/signIn";
export * from "./identity/tokens";
export * from "./identity/useToken";
export * from "./identity/addPublicRoles";
