import "@remix-run/node";

/** Per-request values the HTTP server (scripts/server.ts) hands to every loader and action. */
export type RequestContext = {
  cspNonce: string;
  csrfToken: string;
  ip: string | null;
  baseUrl: string;
};

declare module "@remix-run/node" {
  interface AppLoadContext extends RequestContext {}
}
