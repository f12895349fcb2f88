/** A review as shoppers see it: the author by display name only; `mine` when the viewer wrote it; `verified` when the author bought the product. */
export type ReviewView = {
  id: string;
  rating: number;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  author: { name: string; image: string | null };
  mine: boolean;
  verified: boolean;
};

export const REVIEW_SELECT = {
  id: true,
  rating: true,
  body: true,
  createdAt: true,
  editedAt: true,
  userId: true,
  user: { select: { name: true, image: true } },
} as const;

type ReviewRow = { id: string; rating: number; body: string; createdAt: Date; editedAt: Date | null; userId: string; user: { name: string; image: string | null } };

export function toReviewView(row: ReviewRow, viewerId: string | null, verified: boolean): ReviewView {
  return {
    id: row.id,
    rating: row.rating,
    body: row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    author: { name: row.user.name, image: row.user.image },
    mine: viewerId !== null && row.userId === viewerId,
    verified,
  };
}
