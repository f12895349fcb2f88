import { z } from "zod";

/**
 * The shipping address and buyer email a checkout takes. Pure zod (no server
 * imports), so the checkout form validates with the very same rules before
 * the server checks them again.
 */
export const ADDRESS_LIMITS = {
  name: 100,
  line: 200,
  city: 100,
  postalCode: 20,
  email: 254,
} as const;

/** ISO 3166-1 alpha-2, the codes Stripe and carriers accept. */
export const COUNTRY_CODES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
  "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
  "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
  "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
).split(" ");
const COUNTRIES = new Set(COUNTRY_CODES);

const required = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `The ${label} can be at most ${max} characters.`);

export const ShippingAddress = z.object({
  name: required("full name", ADDRESS_LIMITS.name),
  line1: required("street address", ADDRESS_LIMITS.line),
  line2: z
    .string()
    .trim()
    .max(ADDRESS_LIMITS.line, `Address line 2 can be at most ${ADDRESS_LIMITS.line} characters.`)
    .optional()
    .transform((value) => value || undefined),
  city: required("city", ADDRESS_LIMITS.city),
  postalCode: required("postal code", ADDRESS_LIMITS.postalCode).regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, "Postal codes use letters, digits, spaces and '-'."),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => COUNTRIES.has(code), "Choose a country."),
});
export type ShippingAddress = z.output<typeof ShippingAddress>;

export const BuyerEmail = z
  .string()
  .trim()
  .max(ADDRESS_LIMITS.email, `Emails can be at most ${ADDRESS_LIMITS.email} characters.`)
  .pipe(z.email("Enter a valid email address."));

/** Reads an address stored on an order (JSON column) back, tolerating rows written by older code. */
export function storedShippingAddress(value: unknown): ShippingAddress | null {
  const parsed = ShippingAddress.safeParse(value);
  return parsed.success ? parsed.data : null;
}
