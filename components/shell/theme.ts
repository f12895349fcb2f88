/** The saved theme choice; absent means "follow the system". Read by the root layout, written by ThemeToggle. */
export const THEME_COOKIE = "theme";
export type ThemeChoice = "light" | "dark" | "system";

export function parseThemeChoice(value: string | undefined): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}
