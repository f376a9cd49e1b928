import { describe, expect, it } from "vitest";
import { z } from "zod";
import { anyPassword, emailAddress, newPassword, parseDateParts, requiredText, withConfirmation } from "~/forms/fields";

/** The messages zod reports, by field path. */
function errors(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".");
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

describe("emailAddress", () => {
  const schema = z.object({ email: emailAddress() });

  it("asks for an email address when empty or missing", () => {
    expect(errors(schema, { email: undefined })).toEqual({ email: ["Enter your email address"] });
    expect(errors(schema, {})).toEqual({ email: ["Enter your email address"] });
  });

  it("uses a custom empty message", () => {
    expect(errors(z.object({ email: emailAddress("Enter their email address") }), {})).toEqual({ email: ["Enter their email address"] });
  });

  it("explains the format when the address is malformed", () => {
    for (const bad of ["sam", "sam@", "sam@example", "@example.com", "sam example@example.com"]) {
      expect(errors(schema, { email: bad })).toEqual({ email: ["Enter an email address in the correct format, like name@example.com"] });
    }
  });

  it("accepts and trims a good address", () => {
    expect(schema.parse({ email: "  sam@example.com " })).toEqual({ email: "sam@example.com" });
  });

  it("rejects addresses over 254 characters", () => {
    const long = `${"a".repeat(250)}@example.com`;
    expect(errors(schema, { email: long }).email).toContain("Email address must be 254 characters or fewer");
  });
});

describe("newPassword", () => {
  const schema = z.object({ password: newPassword() });

  it("asks for a password when missing", () => {
    expect(errors(schema, {})).toEqual({ password: ["Enter a password"] });
  });

  it("requires 10 characters or more", () => {
    expect(errors(schema, { password: "123456789" })).toEqual({ password: ["Password must be 10 characters or more"] });
    expect(errors(schema, { password: "1234567890" })).toEqual({});
  });

  it("limits the length", () => {
    expect(errors(schema, { password: "x".repeat(257) })).toEqual({ password: ["Password must be 256 characters or fewer"] });
  });
});

describe("anyPassword", () => {
  it("asks for the password when empty", () => {
    expect(errors(z.object({ password: anyPassword() }), { password: "" })).toEqual({ password: ["Enter your password"] });
    expect(errors(z.object({ password: anyPassword() }), {})).toEqual({ password: ["Enter your password"] });
  });
});

describe("requiredText", () => {
  const schema = z.object({ name: requiredText("Enter your full name", 5) });

  it("treats blank as empty", () => {
    expect(errors(schema, { name: "   " })).toEqual({ name: ["Enter your full name"] });
    expect(errors(schema, {})).toEqual({ name: ["Enter your full name"] });
  });

  it("limits the length", () => {
    expect(errors(schema, { name: "abcdef" })).toEqual({ name: ["Must be 5 characters or fewer"] });
  });
});

describe("withConfirmation", () => {
  const schema = withConfirmation(z.object({ password: newPassword(), confirmPassword: z.string().optional() }));

  it("reports a mismatch on the confirmation field", () => {
    expect(errors(schema, { password: "correct horse battery", confirmPassword: "correct horse" })).toEqual({
      confirmPassword: ["Passwords do not match"],
    });
    expect(errors(schema, { password: "correct horse battery" })).toEqual({ confirmPassword: ["Passwords do not match"] });
  });

  it("passes when both match", () => {
    expect(errors(schema, { password: "correct horse battery", confirmPassword: "correct horse battery" })).toEqual({});
  });

  it("uses the named fields", () => {
    const custom = withConfirmation(z.object({ newPassword: newPassword(), confirmNewPassword: z.string() }), "newPassword", "confirmNewPassword");
    expect(errors(custom, { newPassword: "correct horse battery", confirmNewPassword: "nope" })).toEqual({
      confirmNewPassword: ["Passwords do not match"],
    });
  });
});

describe("parseDateParts (GOV.UK date input)", () => {
  it("turns a real date into ISO", () => {
    expect(parseDateParts("31", "12", "2027", "end date")).toEqual({ iso: "2027-12-31" });
    expect(parseDateParts(" 1", "2 ", "2028", "end date")).toEqual({ iso: "2028-02-01" });
  });
  it("names what is missing or wrong", () => {
    expect(parseDateParts("", "", "", "end date")).toEqual({ error: "Enter the end date" });
    expect(parseDateParts("3", "", "", "end date")).toEqual({ error: "The end date must include a month and year" });
    expect(parseDateParts("31", "2", "2027", "end date")).toEqual({ error: "The end date must be a real date" });
    expect(parseDateParts("1", "1", "27", "end date")).toEqual({ error: "The end date must be a real date" });
  });
});
