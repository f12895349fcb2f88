import { z } from "zod";

/** A post id on the wire: the decimal form of its bigint (also the timeline cursor). */
export const PostId = z.string().regex(/^[1-9]\d{0,18}$/, "Invalid post id");

export const PostIdInput = z.object({ postId: PostId });
