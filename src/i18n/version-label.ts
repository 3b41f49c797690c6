/**
 * A knowledge version with its date, the date left out when the version already says it
 * ("2026.11.25", dated 2026-11-25): footers showed "2026.11.25 (2026-11-25)".
 */
export function versionLabel(version: string, date: string): string {
  const digits = (text: string) => text.replace(/\D/g, "");
  return digits(version).startsWith(digits(date)) ? version : `${version} (${date})`;
}
