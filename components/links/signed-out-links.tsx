import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";

/** What visitors see on /links before signing in, and the limits that apply to anonymous API use. */
export function SignedOutLinks({ anonymousLimit }: { anonymousLimit: { points: number; windowSeconds: number } }) {
  return (
    <Card>
      <CardBody className="space-y-4">
        <h2 className="text-base font-semibold text-fg">Sign in to shorten links</h2>
        <p className="text-sm text-muted">
          With an account you get custom aliases, expiry dates, tags, QR codes, live click counts and analytics for every link, plus API keys
          for creating links from your own code.
        </p>
        <div className="flex flex-wrap gap-2">
          <Link href="/sign-in?next=%2Flinks" className={buttonClasses()}>
            Sign in
          </Link>
          <Link href="/sign-up" className={buttonClasses({ variant: "secondary" })}>
            Create an account
          </Link>
        </div>
        <p className="text-sm text-muted">
          Anonymous links can still be created through the public API (<code className="font-mono text-fg">POST /api/shorten</code>), limited to{" "}
          {anonymousLimit.points} per {anonymousLimit.windowSeconds === 60 ? "minute" : `${anonymousLimit.windowSeconds} seconds`} per IP address.
        </p>
      </CardBody>
    </Card>
  );
}
