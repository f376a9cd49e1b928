import { Link as RemixLink, type LinkProps } from "@remix-run/react";
import { createContext, useContext } from "react";

/** True while a page is rendered without Remix's router (decision 034): there is no client-side navigation to start. */
export const WholePageLinks = createContext(false);

/** Remix's Link, or a plain anchor on a page rendered without Remix (the shell and the pages answered directly use this one). */
export function Link({ to, prefetch, discover, reloadDocument, ...props }: LinkProps & { to: string }) {
  if (useContext(WholePageLinks)) return <a href={to} {...props} />;
  return <RemixLink to={to} prefetch={prefetch} discover={discover} reloadDocument={reloadDocument} {...props} />;
}
