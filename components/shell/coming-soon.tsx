import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { SystemIcon } from "./system-icon";
import { systemBySlug, SYSTEMS, type SystemSlug } from "./systems";

/** Placeholder page for a system that has not landed yet: what it is and what it will do. */
export function ComingSoon({ slug }: { slug: SystemSlug }) {
  const system = systemBySlug(slug);
  const others = SYSTEMS.filter((candidate) => candidate.slug !== slug);
  return (
    <PageContainer>
      <PageHeader
        eyebrow={
          <span className="inline-flex items-center gap-2">
            <SystemIcon slug={slug} className="size-4" />
            {system.kind}
          </span>
        }
        title={system.name}
        description={system.summary}
        actions={<Badge tone="warning">Coming soon</Badge>}
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardBody className="space-y-4">
            <h2 className="text-base font-semibold text-fg">What {system.name} will do</h2>
            <ul className="space-y-3">
              {system.plan.map((item) => (
                <li key={item} className="flex gap-3 text-sm text-fg">
                  <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 text-accent-text" fill="currentColor">
                    <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
                  </svg>
                  <span>{item}</span>
                </li>
              ))}
            </ul>
            <p className="text-sm text-muted">
              This system is being built. Its page will appear here, at the same address, as soon as it lands.
            </p>
          </CardBody>
        </Card>
        <Card>
          <CardBody className="space-y-3">
            <h2 className="text-base font-semibold text-fg">Meanwhile, explore</h2>
            <ul className="space-y-1">
              {others.map((other) => (
                <li key={other.slug}>
                  <Link href={other.href} className="flex items-center gap-2 rounded-lg px-2 py-2 text-sm text-fg hover:bg-surface-2">
                    <SystemIcon slug={other.slug} className="size-4 text-muted" />
                    {other.name}
                    <span className="text-muted">· {other.kind}</span>
                  </Link>
                </li>
              ))}
            </ul>
            <Link href="/" className={buttonClasses({ variant: "secondary", size: "sm", className: "w-full" })}>
              Back to home
            </Link>
          </CardBody>
        </Card>
      </div>
    </PageContainer>
  );
}
