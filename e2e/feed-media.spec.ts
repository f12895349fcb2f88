import sharp from "sharp";
import { expect, test, type Page } from "./support/test";
import { newPerson, openContext, signUp } from "./support/people";

/**
 * Pictures and quotes: Bob posts two pictures with alt text (each shows its
 * upload progress, a file that is not a picture is refused by name), the post
 * shows them, and his profile's Media tab lists it; Alice follows him and
 * quotes the post with a comment, the quote appears on her profile above his
 * post, and her "For you" tab shows his post.
 */
test.describe.configure({ timeout: 180_000 });

const post = (page: Page, author: string, text: string) => page.getByRole("article", { name: `Post by ${author}` }).filter({ hasText: text });
const picture = async (name: string, colour: { r: number; g: number; b: number }) => ({
  name,
  mimeType: "image/png",
  buffer: await sharp({ create: { width: 640, height: 360, channels: 3, background: colour } }).png().toBuffer(),
});

test("bob posts pictures with alt text, they show on the post and the Media tab, alice quotes the post and finds it in For you", async ({ browser, baseURL }) => {
  const alice = newPerson("Alice");
  const bob = newPerson("Bob");
  const a = await openContext(browser, baseURL);
  const b = await openContext(browser, baseURL);
  await Promise.all([signUp(a.page, alice), signUp(b.page, bob)]);

  await b.page.goto("/feed");
  const pictures = b.page.getByLabel("Add pictures", { exact: true });
  // Not a picture: the server says so under its preview, and Post waits until it is removed.
  await pictures.setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("these are notes, not pixels") });
  await expect(b.page.getByRole("alert").filter({ hasText: "notes.png: Use a JPEG, PNG, WebP, GIF or AVIF image." })).toBeVisible();
  await b.page.getByLabel("New post").fill("Two skies #pictures");
  await expect(b.page.getByRole("button", { name: "Post", exact: true })).toBeDisabled();
  await b.page.getByRole("button", { name: "Remove picture 1" }).click();

  await pictures.setInputFiles([await picture("blue.png", { r: 40, g: 110, b: 220 }), await picture("red.png", { r: 220, g: 60, b: 50 })]);
  await b.page.getByLabel("Alt text for picture 1").fill("A blue sky");
  await b.page.getByLabel("Alt text for picture 2").fill("A red sky");
  // Each upload's bar goes away when it is done; then Post is enabled.
  await expect(b.page.getByRole("progressbar")).toHaveCount(0);
  await b.page.getByRole("button", { name: "Post", exact: true }).click();
  const bobsPost = post(b.page, bob.name, "Two skies");
  await expect(bobsPost.getByRole("img", { name: "A blue sky" })).toBeVisible();
  await expect(bobsPost.getByRole("img", { name: "A red sky" })).toBeVisible();
  await expect(bobsPost.getByRole("img", { name: "A blue sky" })).toHaveJSProperty("naturalWidth", 640);
  await expect(b.page.getByRole("list", { name: "Pictures to post" })).toHaveCount(0);

  await b.page.goto(`/feed/u/${bob.username}`);
  await b.page.getByRole("tab", { name: "media" }).click();
  await expect(post(b.page, bob.name, "Two skies").getByRole("img", { name: "A red sky" })).toBeVisible();

  // Alice follows Bob and quotes his post from his profile.
  await a.page.goto(`/feed/u/${bob.username}`);
  await a.page.getByRole("button", { name: `Follow ${bob.name}` }).click();
  await expect(a.page.getByRole("button", { name: `Unfollow ${bob.name}` })).toBeVisible();
  await post(a.page, bob.name, "Two skies").getByRole("button", { name: "Quote (0 quotes)" }).click();
  const dialog = a.page.getByRole("dialog", { name: "Quote post" });
  await expect(dialog.getByText("Two skies")).toBeVisible();
  await dialog.getByLabel("Your comment").fill("Look at these skies");
  await dialog.getByRole("button", { name: "Post quote" }).click();
  await expect(a.page.getByText("Quote posted")).toBeVisible();
  await expect(dialog).toBeHidden();

  await a.page.goto(`/feed/u/${alice.username}`);
  const quote = post(a.page, alice.name, "Look at these skies");
  await expect(quote.getByRole("link", { name: /Two skies/ })).toBeVisible();
  await quote.getByRole("link", { name: /Two skies/ }).click();
  await expect(a.page).toHaveURL(/\/feed\/posts\/\d+$/);
  await expect(post(a.page, bob.name, "Two skies").getByRole("button", { name: "Quote (1 quotes)" })).toBeVisible();

  // "For you" ranks the posts of the people she follows (her own quote is not for her).
  await a.page.goto("/feed");
  await a.page.getByRole("tab", { name: "For you" }).click();
  await expect(a.page.getByRole("tab", { name: "For you" })).toHaveAttribute("aria-selected", "true");
  await expect(post(a.page, bob.name, "Two skies").getByRole("img", { name: "A blue sky" })).toBeVisible();
  await expect(post(a.page, alice.name, "Look at these skies")).toHaveCount(0);
});
