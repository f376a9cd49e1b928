// Server-only entry point for routes: the .server suffix keeps these verbs (and drizzle) out of browser bundles.
export * from "./productions/addProductionVenue";
export * from "./productions/createProduction";
export * from "./productions/getProduction";
export * from "./productions/inviteParent";
export * from "./productions/listMyProductions";
export * from "./productions/listProducerOrganisations";
export * from "./productions/redeemShareCode";
