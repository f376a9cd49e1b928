/** Typed domain errors, mapped to responses once at the route edge (app/server/respond.server.ts). */
export class NotFoundError extends Error {
  constructor(what = "Record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends Error {
  constructor(message = "You do not have permission to do that") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** A rule or input failure to show against form fields; `""` is a form-level message. */
export class RuleError extends Error {
  constructor(public readonly fieldErrors: Record<string, string[]>) {
    super(Object.values(fieldErrors).flat().join("; "));
    this.name = "RuleError";
  }
  static field(field: string, message: string) {
    return new RuleError({ [field]: [message] });
  }
}

/** An emailed link that can no longer be used: past its expiry (or replaced), or already used. */
export class LinkExpiredError extends Error {
  constructor(public readonly reason: "expired" | "used") {
    super(reason === "used" ? "This link has already been used" : "This link has expired");
    this.name = "LinkExpiredError";
  }
}
