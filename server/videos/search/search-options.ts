/** Search filters and sorts (client-safe: the search page offers the same choices). */
export const DURATION_FILTERS = { any: "Any length", short: "Under 4 minutes", medium: "4–20 minutes", long: "Over 20 minutes" } as const;
export const UPLOAD_FILTERS = { any: "Any time", day: "Today", week: "This week", month: "This month", year: "This year" } as const;
export const SEARCH_SORTS = { relevance: "Relevance", newest: "Upload date", views: "View count" } as const;
export type DurationFilter = keyof typeof DURATION_FILTERS;
export type UploadFilter = keyof typeof UPLOAD_FILTERS;
export type SearchSort = keyof typeof SEARCH_SORTS;
export const SEARCH_QUERY_MAX_CHARS = 100;
