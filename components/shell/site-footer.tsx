import Link from "next/link";
import { SYSTEMS } from "./systems";

export function SiteFooter() {
  return (
    <footer className="border-t border-border">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-muted sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>Casebook — six large-scale systems, running for real.</p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            {SYSTEMS.map((system) => (
              <li key={system.slug}>
                <Link href={system.href} className="hover:text-fg">
                  {system.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
