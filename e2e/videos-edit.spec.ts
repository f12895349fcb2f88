import sharp from "sharp";
import { newPerson, signUp } from "./support/people";
import { expect, test } from "./support/test";
import { makeClip, uploadClip } from "./support/video-clip";

/**
 * Editing a video after the upload, as its owner does it: from the watch
 * page to the edit page; an empty title is refused next to the field; new
 * title, description, tags, visibility and a frame of the video as the
 * thumbnail are saved and shown on the watch page; a picture too large or
 * not a picture is refused with a clear message; a real picture becomes the
 * thumbnail at once.
 */
test.describe.configure({ timeout: 240_000 });

test("the owner edits the details, picks a frame as the thumbnail, then uploads a picture", async ({ page }) => {
  const clip = await makeClip(4, "edit-me.mp4");
  await signUp(page, newPerson("Edda"));
  const watch = await uploadClip(page, clip, { title: "Before the edit", tags: "draft" });

  await page.getByRole("link", { name: "Edit video" }).click();
  await expect(page).toHaveURL(`${watch}/edit`);
  const title = page.getByLabel("Title");
  await expect(title).toHaveValue("Before the edit");
  await expect(page.getByLabel("Tags")).toHaveValue("draft");

  // An empty title is refused where it is typed.
  await title.fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Give the video a title.")).toBeVisible();

  await title.fill("After the edit");
  await page.getByLabel("Description").fill("Now with a description.");
  await page.getByLabel("Tags").fill("edited, e2e");
  await page.getByRole("radio", { name: "Unlisted" }).check();
  // The poster and the three frames the transcoding job took.
  await expect(page.getByRole("radio", { name: /^Frame \d$/ })).toHaveCount(4);
  await expect(page.getByRole("radio", { name: "Frame 1" })).toBeChecked();
  // The frames are pictures with a caption: a person clicks the picture.
  await page.getByText("Frame 3", { exact: true }).click();
  await expect(page.getByRole("radio", { name: "Frame 3" })).toBeChecked();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await page.getByRole("link", { name: "View video" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "After the edit" })).toBeVisible();
  await expect(page.getByText("Now with a description.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Tags" })).toHaveText(/#edited\s*#e2e/);
  await expect(page.getByText("Unlisted", { exact: true })).toBeVisible();
  await expect(page.getByTestId("video-player")).toHaveAttribute("poster", /\/thumb-2\.jpg$/);

  // Pictures: too large (checked before sending), not a picture (refused by the server), then a real one.
  await page.goto(`${watch}/edit`);
  const picture = page.getByLabel("Thumbnail picture");
  await picture.setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(3 * 1024 * 1024, 1) });
  await expect(page.getByText(/^Thumbnail pictures can be at most 2\.0 MB; this one is 3\.0 MB\.$/)).toBeVisible();
  await picture.setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("These are notes, not a picture.") });
  await expect(page.getByText("Use a JPEG, PNG, WebP, GIF or AVIF image.")).toBeVisible();
  const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: "#cc3366" } }).png().toBuffer();
  await picture.setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: png });
  await expect(page.getByText("Your picture is now the thumbnail.")).toBeVisible();
  await expect(page.getByRole("radio", { name: "Your picture" })).toBeChecked();

  await page.goto(watch);
  await expect(page.getByTestId("video-player")).toHaveAttribute("poster", /\/custom-[0-9a-f]{16}\.webp$/);
  const poster = await page.getByTestId("video-player").getAttribute("poster");
  const served = await page.request.get(poster ?? "");
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
});
