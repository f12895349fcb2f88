import { z } from "zod";
import { REVIEW_BODY_MAX_LENGTH } from "./review-limits";

/** What a reviewer writes, when creating and when editing. */
export const ReviewFields = z.object({
  rating: z.number().int().min(1, "Choose 1 to 5 stars.").max(5, "Choose 1 to 5 stars."),
  body: z
    .string()
    .trim()
    .min(1, "Write a few words about the product.")
    .max(REVIEW_BODY_MAX_LENGTH, `Keep the review under ${REVIEW_BODY_MAX_LENGTH.toLocaleString("en")} characters.`),
});
