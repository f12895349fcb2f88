/** A review as shoppers see it: the author by display name only. */
export type ReviewView = {
  id: string;
  rating: number;
  body: string;
  createdAt: Date;
  author: { name: string; image: string | null };
};

export const REVIEW_SELECT = {
  id: true,
  rating: true,
  body: true,
  createdAt: true,
  user: { select: { name: true, image: true } },
} as const;

export function toReviewView(row: { id: string; rating: number; body: string; createdAt: Date; user: { name: string; image: string | null } }): ReviewView {
  return { id: row.id, rating: row.rating, body: row.body, createdAt: row.createdAt, author: { name: row.user.name, image: row.user.image } };
}
