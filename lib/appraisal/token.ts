import crypto from "node:crypto";

/** A survey link's token is never stored: only this hash is. */
export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
