/**
 * Stripe's test cards, answered the way Stripe answers them in test mode.
 * https://docs.stripe.com/testing — the simulator accepts only these numbers,
 * as Stripe's test mode refuses real cards.
 */
export type CardDecline = {
  /** Stripe's `code` ("card_declined", "expired_card", ...). */
  code: string;
  /** Stripe's `decline_code` when the issuer gave one. */
  declineCode?: string;
  /** The sentence Stripe shows the payer. */
  message: string;
};

export type CardOutcome = { approved: true; brand: string; last4: string } | ({ approved: false } & CardDecline);

const APPROVED: Record<string, string> = {
  "4242424242424242": "visa",
  "4000056655665556": "visa",
  "5555555555554444": "mastercard",
  "2223003122003222": "mastercard",
  "378282246310005": "amex",
  "6011111111111117": "discover",
};

const DECLINED: Record<string, CardDecline> = {
  "4000000000000002": { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." },
  "4000000000009995": { code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds." },
  "4000000000009987": { code: "card_declined", declineCode: "lost_card", message: "Your card was declined." },
  "4000000000009979": { code: "card_declined", declineCode: "stolen_card", message: "Your card was declined." },
  "4000000000000069": { code: "expired_card", message: "Your card has expired." },
  "4000000000000127": { code: "incorrect_cvc", message: "Your card's security code is incorrect." },
  "4000000000000119": { code: "processing_error", message: "An error occurred while processing your card. Try again in a little bit." },
};

export type CardInput = { number: string; expiry: string; cvc: string };

/** What Stripe would say about this card; `now` decides whether the expiry date has passed. */
export function judgeTestCard(card: CardInput, now: Date = new Date()): CardOutcome {
  const number = card.number.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) {
    return { approved: false, code: "incorrect_number", message: "Your card number is invalid." };
  }
  const expiry = /^(\d{2})\s*\/\s*(\d{2})$/.exec(card.expiry.trim());
  const month = Number(expiry?.[1]);
  if (!expiry || month < 1 || month > 12) {
    return { approved: false, code: "invalid_expiry_month", message: "Your card's expiration date is incomplete." };
  }
  const year = 2000 + Number(expiry[2]);
  if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) {
    return { approved: false, code: "invalid_expiry_year", message: "Your card's expiration date is in the past." };
  }
  if (!/^\d{3,4}$/.test(card.cvc.trim())) {
    return { approved: false, code: "invalid_cvc", message: "Your card's security code is incomplete." };
  }
  const decline = DECLINED[number];
  if (decline) return { approved: false, ...decline };
  const brand = APPROVED[number];
  if (brand) return { approved: true, brand, last4: number.slice(-4) };
  return {
    approved: false,
    code: "card_declined",
    declineCode: "test_mode_live_card",
    message: "Your card was declined. This is a test checkout: use a Stripe test card such as 4242 4242 4242 4242.",
  };
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
