import { randomInt } from "node:crypto";

// No 0/O, 1/I/L or 5/S: easy to read out on the phone.
const ALPHABET = "2346789ABCDEFGHJKMNPQRTUVWXYZ";

/** A concern's reference, e.g. CON-7Q4K-2M9P: random, so it says nothing about how many there are. */
export function newConcernReference() {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `CON-${part()}-${part()}`;
}
