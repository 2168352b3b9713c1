import type { SessionUser } from "@/lib/auth/types";

export const testSession: { user: SessionUser | null } = { user: null };
