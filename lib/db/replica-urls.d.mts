/** DATABASE_REPLICA_URLS read as a list: comma-separated connection strings, blanks ignored. */
export function replicaUrls(value: string | undefined): string[];
