// Server-only entry point for routes: the .server suffix keeps these verbs (and drizzle) out of browser bundles.
export * from "./documents/changeDocumentStatus";
export * from "./documents/downloadDocument";
export * from "./documents/findPublicDocument";
export * from "./documents/issueDocument";
export * from "./documents/listDocuments";
export * from "./documents/verifyUploadedDocument";
export * from "./documents/listMyDocuments";
export * from "./documents/varyDocument";
