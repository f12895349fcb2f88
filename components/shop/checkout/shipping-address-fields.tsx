"use client";

import { Field, TextField } from "@/components/ui/field";
import { ADDRESS_LIMITS, COUNTRY_CODES } from "@/server/shop/checkout/shipping-address";
import { NativeSelect } from "../orders/native-select";

export type AddressValues = { name: string; line1: string; line2: string; city: string; postalCode: string; country: string };
export type AddressField = keyof AddressValues;

// English names (the app's language), fixed so the server render and the browser agree.
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const COUNTRIES = COUNTRY_CODES.map((code) => ({ code, name: regionNames.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, "en"));

/** The shipping address inputs, each with its label and its error right below it. */
export function ShippingAddressFields({
  values,
  errors,
  disabled,
  onChange,
}: {
  values: AddressValues;
  errors: Partial<Record<AddressField, string>>;
  disabled: boolean;
  onChange: (field: AddressField, value: string) => void;
}) {
  const text = (field: Exclude<AddressField, "country">, label: string, maxLength: number, autoComplete: string, extra: { required?: boolean; hint?: string } = {}) => (
    <TextField
      label={label}
      hint={extra.hint}
      name={field}
      value={values[field]}
      error={errors[field]}
      maxLength={maxLength}
      autoComplete={autoComplete}
      required={extra.required ?? true}
      disabled={disabled}
      onChange={(event) => onChange(field, event.target.value)}
    />
  );
  return (
    <fieldset className="space-y-4" disabled={disabled}>
      <legend className="mb-2 text-base font-semibold text-fg">Shipping address</legend>
      {text("name", "Full name", ADDRESS_LIMITS.name, "shipping name")}
      {text("line1", "Address line 1", ADDRESS_LIMITS.line, "shipping address-line1", { hint: "Street and house number" })}
      {text("line2", "Address line 2", ADDRESS_LIMITS.line, "shipping address-line2", { required: false, hint: "Apartment, suite, floor (optional)" })}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("city", "City", ADDRESS_LIMITS.city, "shipping address-level2")}
        {text("postalCode", "Postal code", ADDRESS_LIMITS.postalCode, "shipping postal-code")}
      </div>
      <Field label="Country" error={errors.country}>
        {(props) => (
          <NativeSelect {...props} name="country" autoComplete="shipping country" value={values.country} onChange={(event) => onChange("country", event.target.value)}>
            <option value="">Choose a country</option>
            {COUNTRIES.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
    </fieldset>
  );
}
