import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import type { DemoSignIn } from "@/server/accounts/get-demo-sign-in";

/**
 * The home page's opening: what Casebook is, and for a stranger what to try
 * first — sign in as one of the demo people (when this is the demo database),
 * then a few things worth doing in each built system.
 */
export function HomeHero({ signedIn, demo }: { signedIn: boolean; demo: DemoSignIn | null }) {
  const example = demo?.accounts.find((account) => account.role === "user") ?? demo?.accounts[0];
  return (
    <section aria-labelledby="home-title" className="max-w-3xl space-y-4 pt-2">
      <h1 id="home-title" className="text-3xl font-semibold tracking-tight text-fg sm:text-4xl">
        Six large-scale systems, running for real.
      </h1>
      <p className="text-lg text-muted">
        A URL shortener, chat, a social feed, a shop, video streaming and ride sharing — each on real Postgres, Redis, queues and WebSockets, built the way
        they are at scale.
      </p>
      {signedIn ? null : (
        <div aria-labelledby="try-first-heading" role="region" className="space-y-3 rounded-xl border border-accent/40 bg-accent-soft/40 p-4">
          <h2 id="try-first-heading" className="text-base font-semibold text-fg">
            New here? Try it first as a demo user
          </h2>
          {demo && example ? (
            <p className="text-sm text-fg">
              Sign in as <strong>{example.username}</strong> (or any demo person) with the password{" "}
              <code className="whitespace-nowrap rounded bg-surface px-1.5 py-0.5 font-mono text-xs">{demo.password}</code>, then shorten a link and watch its
              clicks, message <strong>alice</strong> in Chat, and buy something in the Shop with the test card{" "}
              <span className="whitespace-nowrap font-mono text-xs">4242 4242 4242 4242</span>.
            </p>
          ) : (
            <p className="text-sm text-fg">Create an account, then shorten a link and watch its clicks, start a chat, and buy something in the Shop.</p>
          )}
          <div className="flex flex-wrap gap-2">
            <Link href="/sign-in" className={buttonClasses({ size: "sm" })}>
              {demo ? "Sign in as a demo user" : "Sign in"}
            </Link>
            <Link href="/sign-up" className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Create an account
            </Link>
          </div>
        </div>
      )}
    </section>
  );
}
