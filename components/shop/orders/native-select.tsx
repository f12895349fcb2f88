import type { SelectHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

/** A native <select> styled like the Input primitive (keyboard and screen readers work as the browser does). */
export function NativeSelect({ className, ...rest }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      className={cn(
        "block h-10 w-full rounded-lg border border-border bg-surface px-3 text-sm text-fg shadow-xs transition-colors",
        "focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-ring aria-invalid:border-danger disabled:opacity-60",
        className,
      )}
      {...rest}
    />
  );
}
