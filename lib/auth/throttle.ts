// Sign-in throttling as pure state transitions, so the rules are unit-tested without a database.

export type ThrottlePolicy = {
  maxAccountFailures: number; // failures in a row before the account locks
  lockMinutes: number;
  maxAddressFailures: number; // failures from one address within the window before it is slowed
  addressWindowMinutes: number;
  maxAddressDelaySeconds: number;
};

export const DEFAULT_POLICY: ThrottlePolicy = {
  maxAccountFailures: 5,
  lockMinutes: 15,
  maxAddressFailures: 20,
  addressWindowMinutes: 15,
  maxAddressDelaySeconds: 15 * 60,
};

export type AccountState = { failedLoginCount: number; lockedUntil: Date | null };

export function isLocked(state: AccountState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

export function accountAfterFailure(state: AccountState, now: Date, policy: ThrottlePolicy): AccountState {
  // A lock that has run out starts a fresh count.
  const base = state.lockedUntil && !isLocked(state, now) ? 0 : state.failedLoginCount;
  const failedLoginCount = base + 1;
  const lockedUntil =
    failedLoginCount >= policy.maxAccountFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
  return { failedLoginCount, lockedUntil };
}

export function accountAfterSuccess(): AccountState {
  return { failedLoginCount: 0, lockedUntil: null };
}

export type AddressState = { failures: number; windowStart: Date; blockedUntil: Date | null };

export function addressBlockedSeconds(state: AddressState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000));
}

/**
 * After `maxAddressFailures` failures in the window, each further failure blocks the address for
 * a delay that doubles (1 s, 2 s, 4 s, …) up to `maxAddressDelaySeconds`.
 */
export function addressAfterFailure(state: AddressState | null, now: Date, policy: ThrottlePolicy): AddressState {
  const windowMs = policy.addressWindowMinutes * 60_000;
  const fresh = !state || now.getTime() - state.windowStart.getTime() > windowMs;
  const failures = fresh ? 1 : state!.failures + 1;
  const windowStart = fresh ? now : state!.windowStart;
  const over = failures - policy.maxAddressFailures;
  const blockedUntil =
    over >= 0 ? new Date(now.getTime() + Math.min(2 ** over, policy.maxAddressDelaySeconds) * 1000) : null;
  return { failures, windowStart, blockedUntil };
}
