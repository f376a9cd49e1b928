// Server-only entry point for routes: the .server suffix keeps these verbs (and sharp) out of browser bundles.
export * from "./uploads/getMyUpload";
export * from "./uploads/storeUpload";
