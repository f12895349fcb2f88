import type { Db } from "@/server/platform/db";

/** Cars of the demo fleet, cycled through. */
const CARS = [
  ["Toyota", "Prius", "Silver"],
  ["Honda", "Civic", "Blue"],
  ["Tesla", "Model 3", "White"],
  ["Kia", "Niro", "Red"],
  ["Hyundai", "Ioniq", "Grey"],
  ["Ford", "Escape", "Black"],
] as const;
const FIRST_NAMES = ["Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Gus", "Hana", "Ivan", "Jia", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Vik", "Wen", "Yara", "Zed"];

export const SIMULATED_DRIVER_PREFIX = "sim-driver-";

function profileFor(index: number, simulated: boolean) {
  const [carMake, carModel, carColor] = CARS[index % CARS.length] ?? CARS[0];
  return { carMake, carModel, carColor, plate: `${simulated ? "SIM" : "CB"}${String(1000 + index)}`, simulated };
}

/**
 * Rides' demo data, idempotent: driver profiles for the demo drivers (they
 * can sign in and drive) and `count` virtual drivers for the simulator
 * (users `sim-driver-NN`, no password: nobody signs in as them), with a spread
 * of ratings so the matching score has something to rank.
 */
export async function seedDemoDrivers({ db, demoDriverIds, count }: { db: Db; demoDriverIds: readonly string[]; count: number }): Promise<{ created: number }> {
  let created = 0;
  for (const [index, userId] of demoDriverIds.entries()) {
    const existing = await db.driverProfile.findUnique({ where: { userId }, select: { userId: true } });
    if (!existing) {
      await db.driverProfile.create({ data: { userId, ...profileFor(index, false) } });
      created++;
    }
  }
  for (let index = 0; index < count; index++) {
    const id = `${SIMULATED_DRIVER_PREFIX}${String(index + 1).padStart(2, "0")}`;
    if (await db.user.findUnique({ where: { id }, select: { id: true } })) continue;
    const name = `${FIRST_NAMES[index % FIRST_NAMES.length] ?? "Sim"} (simulated)`;
    await db.user.create({
      data: {
        id,
        name,
        email: `${id}@drivers.casebook.dev`,
        username: id.replaceAll("-", "_"),
        displayUsername: id.replaceAll("-", "_"),
        role: "driver",
        driverProfile: { create: { ...profileFor(index, true), ratingSum: 45 + (index % 6), ratingCount: 10, offersMade: 10, offersAccepted: 7 + (index % 4) } },
      },
    });
    created++;
  }
  return { created };
}
