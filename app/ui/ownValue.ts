/** `record[key]` for the record's own keys only: an address's `?done=__proto__` must not find Object.prototype. */
export const ownValue = <T>(record: Record<string, T>, key: string | null | undefined): T | undefined =>
  key != null && Object.hasOwn(record, key) ? record[key] : undefined;
