/**
 * Runs once when a Next server starts (self-hosted or on Vercel): a missing
 * secret stops the web app at boot with the variable's name, not at the first
 * request that signs something.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is Next's own marker, not a setting: the check needs Node's runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertSecretsSet } = await import("@/server/env");
  assertSecretsSet();
}
