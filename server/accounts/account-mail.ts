import { appUrl } from "@/server/env";
import type { MailMessage } from "@/server/platform/mail";

type Recipient = { email: string; name: string };

/** The "forgot password" mail: the link works once, within the hour. */
export function resetPasswordMail(user: Recipient, url: string): MailMessage {
  return {
    to: user.email,
    subject: "Reset your Casebook password",
    text: [
      `Hi ${user.name},`,
      "",
      "Someone (hopefully you) asked to reset the password of your Casebook account. Choose a new one here:",
      "",
      url,
      "",
      "The link works once and expires in one hour. Resetting signs you out everywhere else.",
      "If you did not ask for this, ignore this mail: your password stays as it is.",
    ].join("\n"),
  };
}

/** Sent after sign-up, and again on request from the profile settings. */
export function verifyEmailMail(user: Recipient, url: string): MailMessage {
  return {
    to: user.email,
    subject: "Confirm your email for Casebook",
    text: [
      `Hi ${user.name},`,
      "",
      "Please confirm that this is your email address, so you can reset your password if you ever forget it:",
      "",
      url,
      "",
      "The link expires in 24 hours. If you did not create a Casebook account, ignore this mail.",
    ].join("\n"),
  };
}

/** Sign-up with an address that already has an account: its owner hears of it, the form says only "check your email". */
export function existingAccountMail(user: Recipient): MailMessage {
  return {
    to: user.email,
    subject: "You already have a Casebook account",
    text: [
      `Hi ${user.name},`,
      "",
      "Someone (hopefully you) tried to create a Casebook account with this email address, which already has one.",
      "",
      `Sign in: ${new URL("/sign-in", appUrl).href}`,
      `Forgot your password? Choose a new one: ${new URL("/forgot-password", appUrl).href}`,
      "",
      "If it was not you, ignore this mail: nothing changed.",
    ].join("\n"),
  };
}
