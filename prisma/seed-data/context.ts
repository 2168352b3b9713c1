import type { CommandContext } from "../../lib/action";
import type { Tx } from "../../lib/db/client";
import type { SessionUser } from "../../lib/auth/types";
import { writeAudit } from "../../lib/audit/write";

const SEED_META = { address: null, userAgent: "seed" };

/**
 * The context the app's own commands run with when the seed acts as a user: the same audit
 * writer as a real request, so demo history looks exactly like real history (before and after).
 * A stand-in user without an account has id 0 and is logged without an actor id.
 */
export function seedContext(tx: Tx, user: SessionUser): CommandContext {
  return { tx, user, meta: SEED_META, audit: (entry) => writeAudit(tx, user, SEED_META, entry) };
}
