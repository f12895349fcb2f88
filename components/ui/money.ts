const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Integer minor units and an ISO currency → "$19.99". The locale is fixed (the
 * app's language) so the server's render and the browser's hydration agree.
 */
export function formatMoney(cents: number, currency: string): string {
  const code = currency.toUpperCase();
  let formatter = formatters.get(code);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en", { style: "currency", currency: code });
    formatters.set(code, formatter);
  }
  return formatter.format(cents / 100);
}
