import { env } from "@/lib/env";
import { DEFAULT_POLICY, type ThrottlePolicy } from "./throttle";
import type { SessionLimits } from "./sessions";

/** Sign-in and password-change throttling as configured. */
export function throttlePolicy(): ThrottlePolicy {
  return {
    ...DEFAULT_POLICY,
    maxAccountFailures: env.QINGDAN_LOGIN_MAX_FAILURES,
    lockMinutes: env.QINGDAN_LOGIN_LOCK_MINUTES,
    maxAddressFailures: env.QINGDAN_ADDRESS_MAX_FAILURES,
  };
}

/** Session lifetimes as configured: absolute from sign-in, and idle. */
export function sessionLimits(): SessionLimits {
  return { maxAgeMinutes: env.SESSION_MAX_AGE_HOURS * 60, idleMinutes: env.QINGDAN_SESSION_IDLE_MINUTES };
}
