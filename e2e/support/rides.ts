import { expect, type Locator, type Page } from "./test";

/** Types into a place field, waits for the suggestion `name`, and takes the first suggestion with Enter. */
export async function choosePlace(page: Page, field: Locator, typed: string, name: string): Promise<void> {
  await field.pressSequentially(typed);
  await expect(page.getByRole("option", { name: new RegExp(`^${name}`) })).toBeVisible();
  await field.press("Enter");
  await expect(field).toHaveValue(name);
}
