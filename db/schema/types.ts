import { customType } from "drizzle-orm/pg-core";

/** bytea as a Node Buffer on both drivers (PGlite returns Uint8Array, postgres.js Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
