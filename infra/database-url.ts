/** A PostgreSQL URL with its path set to `/database` (user, password, host and port kept). */
export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}
