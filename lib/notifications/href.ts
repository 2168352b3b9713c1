import { sameOriginPath } from "@/lib/auth/redirect";

/** The notification list: where a notification without an object of its own opens. */
export const NOTIFICATIONS_PAGE = "/evaluation/notifications";

/**
 * Where a notification leads: a path inside the app, to the object it is about (`/dispatch/12`,
 * `/evaluation/3/rate` …). Required when notifying, so a caller cannot leave it out.
 */
export type NotificationHref = `/${string}`;

/**
 * The link a stored notification opens. Rows written before every notification carried its own
 * link (an empty, foreign or malformed href, or the list itself) open the notification list.
 */
export function notificationTarget(href: string | null | undefined): string {
  const path = sameOriginPath(href);
  if (!path || path === NOTIFICATIONS_PAGE) return NOTIFICATIONS_PAGE;
  return path;
}
