import { createHash, randomInt } from "node:crypto";
import { SHARE_CODE_ALPHABET, SHARE_CODE_LENGTH } from "./rules";

/** SHA-256 of a normalised share code: all that is stored of it. */
export function hashShareCode(normalised: string) {
  return createHash("sha256").update(normalised).digest("hex");
}

/** A fresh random share code, normalised (ABCDEFGH). */
export function newShareCode() {
  let code = "";
  for (let i = 0; i < SHARE_CODE_LENGTH; i++) code += SHARE_CODE_ALPHABET[randomInt(SHARE_CODE_ALPHABET.length)];
  return code;
}
