import type { Locator } from "@playwright/test";
import { newPerson, signUp } from "./support/people";
import { expect, test } from "./support/test";
import { makeClip, uploadClip } from "./support/video-clip";

/**
 * Captions, as an owner adds them and a viewer turns them on: a file that
 * is not captions is refused with the reason; a WebVTT file (English) and a
 * SubRip file (French) are added; on the watch page the CC menu shows each
 * one's cue over the picture, also full screen (F, with the player's own controls in the frame), and Off hides it; a
 * track can be removed.
 */
test.describe.configure({ timeout: 240_000 });

const file = (name: string, text: string) => ({ name, mimeType: name.endsWith(".vtt") ? "text/vtt" : "application/x-subrip", buffer: Buffer.from(text) });

test("the owner uploads WebVTT and SubRip captions, and the player shows the chosen language's cue", async ({ page }) => {
  const clip = await makeClip(6, "captions.mp4");
  await signUp(page, newPerson("Cass"));
  const watch = await uploadClip(page, clip, { title: "With captions" });

  await page.getByRole("link", { name: "Edit video" }).click();
  await expect(page.getByText("No captions yet.")).toBeVisible();
  const captionsFile = page.getByLabel("Captions file");
  await captionsFile.setInputFiles(file("notes.vtt", "Just my notes, nothing timed."));
  await expect(page.getByText("Captions must be a WebVTT (.vtt) or SubRip (.srt) file.")).toBeVisible();

  await page.getByLabel("Language").selectOption({ label: "English" });
  await captionsFile.setInputFiles(file("english.vtt", "WEBVTT\n\n00:00.000 --> 00:10.000\nHello from the captions\n"));
  await expect(page.getByText("English captions added.")).toBeVisible();
  await page.getByLabel("Language").selectOption({ label: "French" });
  await captionsFile.setInputFiles(file("french.srt", "1\n00:00:00,000 --> 00:00:10,000\nBonjour des sous-titres\n"));
  await expect(page.getByText("French captions added.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Captions tracks" }).getByRole("listitem")).toHaveText([/English/, /French/]);

  await page.goto(watch);
  const player = page.getByTestId("video-player");
  // Paused a second in: the chosen track's cue for that moment is drawn over the picture.
  await expect.poll(() => player.evaluate((element: HTMLVideoElement) => element.duration), { timeout: 30_000 }).toBeGreaterThan(5);
  await player.evaluate((element: HTMLVideoElement) => (element.currentTime = 1));
  const cc = page.getByRole("combobox", { name: /^Captions/ });
  await expect(cc.locator("option")).toHaveText(["Off", "English", "French"]);
  await cc.selectOption({ label: "English" });
  await expect(page.getByTestId("captions")).toHaveText("Hello from the captions", { timeout: 15_000 });
  // F takes the player's frame full screen, not the <video> alone: the cue drawn over the picture is still in it.
  await page.getByLabel(/^Video player: /).focus();
  await page.keyboard.press("f");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute("aria-label") ?? null)).toMatch(/^Video player: With captions\./);
  await expect.poll(() => page.evaluate(() => Boolean(document.fullscreenElement?.querySelector('[data-testid="captions"]')))).toBe(true);
  // The player's own controls are in the full-screen frame with the picture, and its button leaves full screen.
  const frame = page.getByRole("group", { name: /^Video player: / });
  const inFullScreen = (control: Locator) => control.evaluate((element) => document.fullscreenElement?.contains(element) ?? false);
  for (const control of [frame.getByRole("combobox", { name: /^Quality/ }), frame.getByRole("combobox", { name: /^Speed/ }), frame.getByRole("combobox", { name: /^Captions/ }), frame.getByRole("slider", { name: "Seek" })]) {
    await expect(control).toBeVisible();
    expect(await inFullScreen(control)).toBe(true);
  }
  await frame.getByRole("button", { name: "Exit full screen" }).click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  await expect(frame.getByRole("button", { name: "Full screen" })).toBeVisible();
  await cc.selectOption({ label: "French" });
  await expect(page.getByTestId("captions")).toHaveText("Bonjour des sous-titres", { timeout: 15_000 });
  await cc.selectOption({ label: "Off" });
  await expect(page.getByTestId("captions")).toBeHidden();

  await page.goto(`${watch}/edit`);
  await page.getByRole("button", { name: "Remove English captions" }).click();
  await expect(page.getByText("Captions removed.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Captions tracks" }).getByRole("listitem")).toHaveText([/French/]);
});
