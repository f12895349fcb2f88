import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { SystemIcon } from "./system-icon";
import { systemBySlug, SYSTEMS, type SystemSlug } from "./systems";

/**
 * Placeholder page for a system that has not landed yet. It says plainly that
 * nothing here works yet and what is planned (no ticks: nothing is done), and
 * points only to systems that do work today.
 */
export function ComingSoon({ slug }: { slug: SystemSlug }) {
  const system = systemBySlug(slug);
  const live = SYSTEMS.filter((candidate) => candidate.live && candidate.slug !== slug);
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
            <h2 className="text-base font-semibold text-fg">Not built yet: what {system.name} is planned to do</h2>
            <p className="text-sm text-fg">
              Nothing on this page works yet. {system.name} is being built, and this page becomes the real thing, at the same address, when it lands.
              The plan:
            </p>
            <ul className="list-disc space-y-2 pl-5 text-sm text-muted marker:text-muted">
              {system.plan.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </CardBody>
        </Card>
        <Card>
          <CardBody className="space-y-3">
            <h2 className="text-base font-semibold text-fg">Working today</h2>
            <ul className="space-y-1">
              {live.map((other) => (
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
