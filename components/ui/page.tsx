import type { ReactNode } from "react";
import { cn } from "./cn";

const WIDTHS = { wide: "max-w-6xl", narrow: "max-w-3xl" } as const;

/** The standard content width and padding for a page; "narrow" for forms and settings. */
export function PageContainer({
  width = "wide",
  className,
  children,
}: {
  width?: keyof typeof WIDTHS;
  className?: string;
  children: ReactNode;
}) {
  return <div className={cn("mx-auto w-full px-4 py-8 sm:px-6 sm:py-10", WIDTHS[width], className)}>{children}</div>;
}

/** A page's h1 with an optional line of description and actions on the right. */
export function PageHeader({
  title,
  description,
  eyebrow,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  eyebrow?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-8 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div className="space-y-2">
        {eyebrow ? <div className="text-sm font-medium text-accent-text">{eyebrow}</div> : null}
        <h1 className="text-2xl font-semibold tracking-tight text-fg sm:text-3xl">{title}</h1>
        {description ? <p className="max-w-2xl text-base text-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2 sm:justify-end">{actions}</div> : null}
    </div>
  );
}

/** A whole page that says why there is nothing to show (404, 403, an error): a code or label, a heading, a line, and ways on. */
export function StatusPage({
  label,
  tone = "accent",
  title,
  children,
  actions,
}: {
  label: ReactNode;
  tone?: "accent" | "danger";
  title: ReactNode;
  children: ReactNode;
  actions: ReactNode;
}) {
  return (
    <PageContainer className="flex flex-col items-center py-20 text-center sm:py-28">
      <p className={cn("text-sm font-semibold", tone === "danger" ? "text-danger" : "text-accent-text")}>{label}</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-fg">{title}</h1>
      <div className="mt-3 max-w-md text-muted">{children}</div>
      <div className="mt-8 flex flex-wrap justify-center gap-3">{actions}</div>
    </PageContainer>
  );
}
