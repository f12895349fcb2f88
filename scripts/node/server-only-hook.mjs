/**
 * Server modules start with `import "server-only"`, so that Next fails the build
 * of any browser bundle that pulls one in. Next resolves it to an empty module
 * for its own server code (the "react-server" export condition); this hook does
 * the same for the processes Node runs directly: the web listener, the worker,
 * the gateway, scripts and benches. Only that one package gets the condition.
 */
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}
