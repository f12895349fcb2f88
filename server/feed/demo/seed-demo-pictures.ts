import sharp from "sharp";
import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";

/** Generated pictures: a sky, a sun or moon, and hills, in one palette each (no photo ships with the app). */
const SCENES = [
  { sky: ["#ff9a8b", "#ff6a88"], sun: "#ffe29f", hills: "#5b2a86", alt: "A pink sunset over purple hills" },
  { sky: ["#a1c4fd", "#c2e9fb"], sun: "#fff6b7", hills: "#2e7d32", alt: "A pale sun over green hills on a clear morning" },
  { sky: ["#0f2027", "#2c5364"], sun: "#f5f5f5", hills: "#102a43", alt: "A full moon over dark blue hills at night" },
  { sky: ["#f6d365", "#fda085"], sun: "#fffbe6", hills: "#8d4b2a", alt: "A golden afternoon over brown hills" },
  { sky: ["#d4fc79", "#96e6a1"], sun: "#ffffff", hills: "#1b5e20", alt: "A white sun over a green valley" },
  { sky: ["#30cfd0", "#330867"], sun: "#ffd1ff", hills: "#1a1038", alt: "A violet dusk over black hills" },
] as const;

function sceneSvg(scene: (typeof SCENES)[number], index: number): string {
  const sunX = 200 + index * 110;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${scene.sky[0]}"/><stop offset="1" stop-color="${scene.sky[1]}"/></linearGradient></defs>
    <rect width="1200" height="675" fill="url(#sky)"/>
    <circle cx="${sunX}" cy="260" r="90" fill="${scene.sun}"/>
    <path d="M0 520 Q 200 ${380 + index * 12} 420 500 T 820 ${470 - index * 8} T 1200 480 V 675 H 0 Z" fill="${scene.hills}" opacity="0.85"/>
    <path d="M0 590 Q 300 520 600 590 T 1200 570 V 675 H 0 Z" fill="${scene.hills}"/>
  </svg>`;
}

/**
 * Gives a few of the generated people's recent posts a picture each, so the
 * demo timeline and profiles' Media tabs show some. Once: nothing happens
 * when a generated person already has a picture.
 */
export async function seedDemoPictures({ db, storage, authorIds }: { db: Db; storage: Pick<ObjectStore, "putObject">; authorIds: readonly string[] }): Promise<number> {
  if ((await db.postImage.count({ where: { uploaderId: { in: [...authorIds] } } })) > 0) return 0;
  const posts = await db.post.findMany({
    where: { authorId: { in: [...authorIds] }, replyToId: null, repostOfId: null, deletedAt: null },
    orderBy: { id: "desc" },
    take: SCENES.length * 3,
    select: { id: true, authorId: true },
  });
  // Every third recent post, so the pictures spread over the timeline.
  const chosen = posts.filter((_, index) => index % 3 === 0).slice(0, SCENES.length);
  for (const [index, post] of chosen.entries()) {
    const scene = SCENES[index] ?? SCENES[0];
    const webp = await sharp(Buffer.from(sceneSvg(scene, index))).webp({ quality: 80 }).toBuffer();
    const key = `feed/images/demo-${index + 1}.webp`;
    await storage.putObject(key, webp, { contentType: "image/webp", ownerId: post.authorId, visibility: "public", immutable: true });
    await db.postImage.upsert({
      where: { key },
      create: { uploaderId: post.authorId, postId: post.id, key, width: 1200, height: 675, alt: scene.alt },
      update: {},
    });
  }
  return chosen.length;
}
