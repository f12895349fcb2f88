import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** What a signed-out visitor sees where a page needs an account: why, and a sign-in that comes back to `next`. */
export function SignInPrompt({ title, description, next }: { title: string; description: string; next: `/${string}` }) {
  return (
    <EmptyState
      title={title}
      description={description}
      action={
        <Link href={`/sign-in?next=${next}`} className={buttonClasses()}>
          Sign in
        </Link>
      }
    />
  );
}
