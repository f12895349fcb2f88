/**
 * Whether the self-hosted web process (server/web/main.ts) has Next ready.
 * It listens before Next is prepared, so its hot paths serve sooner; /api/health
 * still says "starting" (503) until Next is ready, so a start or restart counts
 * as healthy only when pages answer too. Elsewhere (Vercel, tests) nothing
 * prepares Next here and this stays ready.
 */
let preparing: Promise<void> | undefined;

export function nextPreparing(prepared: Promise<void>): void {
  preparing = prepared;
  void prepared.then(() => {
    if (preparing === prepared) preparing = undefined;
  });
}

export function isNextReady(): boolean {
  return preparing === undefined;
}
