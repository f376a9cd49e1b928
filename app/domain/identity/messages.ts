/** Messages shown by pages as well as thrown by verbs (safe to import in browser code). */
export const EXPIRED_LINK = "This link has expired or has already been used. Ask for a new one";
export const EXPIRED_INVITATION = "This invitation has expired or has already been used. Ask your administrator to invite you again";
