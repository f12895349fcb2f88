import { TextField } from "@/components/ui/field";
import { UTM_FIELDS, withUtm, type Utm } from "./utm";

/** The UTM builder of the shorten form: one field per parameter and the destination as it will be stored. */
export function UtmFields({ url, value, onChange }: { url: string; value: Utm; onChange: (next: Utm) => void }) {
  const destination = withUtm(url.trim(), value);
  const changed = destination !== url.trim();
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-fg">UTM parameters (optional)</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        {UTM_FIELDS.map((field) => (
          <TextField
            key={field.key}
            label={field.label}
            name={field.key}
            maxLength={100}
            placeholder={field.placeholder}
            value={value[field.key] ?? ""}
            onChange={(event) => onChange({ ...value, [field.key]: event.target.value })}
          />
        ))}
      </div>
      {changed ? (
        <p className="text-sm break-all text-muted" data-testid="utm-preview">
          The link will open <span className="font-mono text-fg">{destination}</span>
        </p>
      ) : null}
    </fieldset>
  );
}
