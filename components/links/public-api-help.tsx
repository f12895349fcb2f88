import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** How to call the public Links API with a key: curl for shorten, stats and delete. */
export function PublicApiHelp({ origin }: { origin: string }) {
  const examples = [
    {
      title: "Shorten a URL",
      note: "201 with { shortUrl, shortCode, originalUrl, createdAt, expiresAt }. customAlias and expiresAt (ISO-8601) are optional; 409 when the alias is taken.",
      command: `curl -X POST ${origin}/api/shorten \\
  -H "Authorization: Bearer $CASEBOOK_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"url": "https://example.com/a/long/path", "customAlias": "my-alias", "expiresAt": "2030-01-01T00:00:00Z"}'`,
    },
    {
      title: "Read a link's stats",
      note: "200 with totalClicks, uniqueVisitors (unique per UTC day, summed), clicksByDate, topReferrers, topCountries, devices and browsers.",
      command: `curl ${origin}/api/stats/my-alias \\
  -H "Authorization: Bearer $CASEBOOK_API_KEY"`,
    },
    {
      title: "Delete a link",
      note: "204; the short URL answers 404 within a second.",
      command: `curl -X DELETE ${origin}/api/urls/my-alias \\
  -H "Authorization: Bearer $CASEBOOK_API_KEY"`,
    },
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Public API</CardTitle>
        <CardDescription>
          Errors are JSON <code className="font-mono">{"{ \"error\": { \"code\", \"message\" } }"}</code>. Every response carries X-RateLimit-Limit,
          -Remaining and -Reset; a 429 also has Retry-After. Without a key, shortening works anonymously under a lower per-IP limit.
        </CardDescription>
      </CardHeader>
      <CardBody className="space-y-5">
        {examples.map((example) => (
          <section key={example.title} aria-label={example.title} className="space-y-2">
            <h3 className="text-sm font-semibold text-fg">{example.title}</h3>
            {/* Focusable so keyboard users can scroll the long lines. */}
            <pre tabIndex={0} aria-label={`${example.title}: curl example`} className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-ring rounded-lg border border-border bg-surface-2 p-3 font-mono text-xs leading-relaxed text-fg">
              <code>{example.command}</code>
            </pre>
            <p className="text-sm text-muted">{example.note}</p>
          </section>
        ))}
      </CardBody>
    </Card>
  );
}
