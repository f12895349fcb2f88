/**
 * The demo store's assortment: 8 categories, 10 products each. Prices are in
 * dollars here for readability and become cents when seeded. `stock` 0 is sold
 * out and 1–3 shows "Only N left" on the product page, so both states exist.
 */
export type DemoCategory = { slug: string; name: string; description: string; glyph: ProductGlyph };
export type ProductGlyph = "headphones" | "laptop" | "phone" | "camera" | "kettle" | "tent" | "chair" | "dumbbell";
export type DemoProduct = {
  name: string;
  brand: string;
  category: string;
  price: number;
  stock: number;
  featured?: boolean;
  description: string;
};

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  { slug: "audio", name: "Audio", description: "Headphones, earbuds and speakers.", glyph: "headphones" },
  { slug: "computers", name: "Computers", description: "Laptops, monitors and accessories.", glyph: "laptop" },
  { slug: "phones", name: "Phones & Tablets", description: "Smartphones, tablets and chargers.", glyph: "phone" },
  { slug: "cameras", name: "Cameras", description: "Cameras, lenses and tripods.", glyph: "camera" },
  { slug: "kitchen", name: "Kitchen", description: "Coffee, cookware and small appliances.", glyph: "kettle" },
  { slug: "outdoors", name: "Outdoors", description: "Camping, hiking and travel gear.", glyph: "tent" },
  { slug: "home-office", name: "Home Office", description: "Desks, chairs and lighting.", glyph: "chair" },
  { slug: "fitness", name: "Fitness", description: "Weights, mats and trackers.", glyph: "dumbbell" },
];

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  // Audio
  { name: "Aurora Wireless Headphones", brand: "Sonora", category: "audio", price: 199, stock: 42, featured: true, description: "Over-ear Bluetooth headphones with adaptive noise cancelling, 40-hour battery life and plush memory-foam ear cushions. Multipoint pairing switches between your laptop and phone automatically." },
  { name: "Pulse Noise-Cancelling Earbuds", brand: "Sonora", category: "audio", price: 149, stock: 3, description: "True wireless earbuds with hybrid active noise cancellation, transparency mode and a pocketable charging case that adds 24 hours of playback. IPX4 sweat resistant for workouts." },
  { name: "Studio Monitor Headphones", brand: "Kestrel Audio", category: "audio", price: 129, stock: 18, description: "Closed-back wired headphones tuned flat for mixing and podcasting. Detachable coiled cable, 50 mm drivers and a folding headband that survives a gig bag." },
  { name: "Boombox Portable Speaker", brand: "Tidewave", category: "audio", price: 89, stock: 25, description: "Rugged waterproof Bluetooth speaker with deep bass, 20-hour battery and a built-in strap. Pair two for stereo sound at the beach or campsite." },
  { name: "Hearth Smart Speaker", brand: "Tidewave", category: "audio", price: 99, stock: 0, description: "Room-filling smart speaker with far-field microphones, multi-room audio and a fabric finish that blends into a bookshelf. Streams music over Wi-Fi and AirPlay." },
  { name: "Vinyl Turntable Classic", brand: "Kestrel Audio", category: "audio", price: 249, stock: 7, description: "Belt-drive record player with a built-in phono preamp, aluminium platter and a pre-mounted cartridge. Plays 33 and 45 rpm records straight into powered speakers." },
  { name: "Soundbar Cinema 5.1", brand: "Sonora", category: "audio", price: 329, stock: 11, description: "Slim home theatre soundbar with a wireless subwoofer, Dolby Atmos virtual surround and clear dialogue mode for late-night movies. One HDMI eARC cable to the TV." },
  { name: "Sprint Sport Earbuds", brand: "Vela", category: "audio", price: 59, stock: 2, description: "Secure-fit wireless earbuds with ear hooks for running and cycling. Sweatproof, 9-hour battery, and physical buttons you can press with gloves on." },
  { name: "Desk USB Microphone", brand: "Kestrel Audio", category: "audio", price: 79, stock: 30, description: "Cardioid condenser USB microphone for streaming, calls and voiceover. Zero-latency headphone jack, mute button and a weighted desk stand." },
  { name: "Lullaby Sleep Headphones", brand: "Vela", category: "audio", price: 39, stock: 55, description: "Soft headband headphones with flat speakers for side sleepers. Bluetooth, 12-hour battery, washable fabric — drift off to podcasts or white noise." },
  // Computers
  { name: "Zephyr 14 Ultralight Laptop", brand: "Northwind", category: "computers", price: 1299, stock: 9, featured: true, description: "A 1.1 kg laptop with a 14-inch 2.8K OLED display, 16 GB RAM, 1 TB SSD and an all-day battery. Two Thunderbolt ports, a backlit keyboard and a 1080p webcam." },
  { name: "Forge 16 Gaming Laptop", brand: "Ironclad", category: "computers", price: 1899, stock: 1, description: "Gaming notebook with a 240 Hz 16-inch display, dedicated graphics card, 32 GB RAM and vapour-chamber cooling. Per-key RGB keyboard and a 2 TB NVMe SSD." },
  { name: "Canvas 27 4K Monitor", brand: "Northwind", category: "computers", price: 449, stock: 14, description: "27-inch 4K IPS monitor with factory colour calibration, USB-C power delivery for a laptop and a height-adjustable stand. Great for photo editing and coding." },
  { name: "Tactile Mechanical Keyboard", brand: "Keyforge", category: "computers", price: 139, stock: 22, description: "Hot-swappable mechanical keyboard with tactile brown switches, PBT keycaps and an aluminium case. Wired USB-C or Bluetooth to three devices." },
  { name: "Glide Wireless Mouse", brand: "Keyforge", category: "computers", price: 69, stock: 40, description: "Ergonomic wireless mouse with a silent scroll wheel, 8,000 DPI sensor and a rechargeable battery that lasts 70 days. Works on glass." },
  { name: "Atlas USB-C Docking Station", brand: "Ironclad", category: "computers", price: 189, stock: 0, description: "One-cable docking station for laptops: dual HDMI, gigabit Ethernet, SD card reader, four USB ports and 96 W charging over USB-C." },
  { name: "Vault Portable SSD 2TB", brand: "Ironclad", category: "computers", price: 159, stock: 33, description: "Pocket-size external solid state drive with 1,050 MB/s transfers, hardware encryption and a drop-resistant rubber shell. USB-C and USB-A cables included." },
  { name: "Beacon HD Webcam", brand: "Northwind", category: "computers", price: 89, stock: 3, description: "1080p webcam with autofocus, low-light correction, dual noise-reducing microphones and a privacy shutter. Clips onto any monitor." },
  { name: "Cirrus Mini Desktop PC", brand: "Northwind", category: "computers", price: 699, stock: 6, description: "A quiet mini PC the size of a paperback with an 8-core processor, 16 GB RAM and 512 GB SSD. Drives two 4K displays; mounts behind a monitor." },
  { name: "Wave Ergonomic Keyboard", brand: "Keyforge", category: "computers", price: 99, stock: 12, description: "Split ergonomic keyboard with a cushioned palm rest and tenting feet to reduce wrist strain during long typing sessions. Quiet low-profile keys." },
  // Phones & tablets
  { name: "Nova X Smartphone 256GB", brand: "Lumen", category: "phones", price: 899, stock: 15, featured: true, description: "Flagship smartphone with a 6.7-inch 120 Hz display, triple camera with 5x optical zoom, 256 GB storage and two-day battery. Five years of software updates." },
  { name: "Nova Lite Smartphone 128GB", brand: "Lumen", category: "phones", price: 429, stock: 28, description: "Affordable Android phone with a bright 6.4-inch OLED screen, 50 MP camera, 128 GB storage and 33 W fast charging. Headphone jack included." },
  { name: "Slate 11 Tablet", brand: "Lumen", category: "phones", price: 549, stock: 2, description: "11-inch tablet with a 2.5K display, quad speakers and stylus support for sketching and notes. Keyboard cover sold separately." },
  { name: "Folio Keyboard Case", brand: "Lumen", category: "phones", price: 129, stock: 19, description: "Magnetic keyboard cover for the Slate 11 tablet with a trackpad, backlit keys and an adjustable kickstand. Turns a tablet into a laptop." },
  { name: "Pixel Pen Stylus", brand: "Orbit", category: "phones", price: 49, stock: 0, description: "Pressure-sensitive stylus with tilt support and palm rejection for tablets. Magnetically attaches and charges on the side." },
  { name: "PowerCube 65W Charger", brand: "Orbit", category: "phones", price: 45, stock: 60, description: "Compact GaN wall charger with two USB-C ports and one USB-A. Fast-charges a phone and a laptop at once; folding prongs for travel." },
  { name: "Wireless Charging Stand", brand: "Orbit", category: "phones", price: 35, stock: 38, description: "Qi2 magnetic charging stand for phones and earbuds. Tilts for video calls in landscape, 15 W fast wireless charging." },
  { name: "Rugged Phone Case", brand: "Tidewave", category: "phones", price: 29, stock: 70, description: "Drop-tested shockproof phone case with raised bezels to protect the screen and camera. Grippy texture, works with wireless charging." },
  { name: "Trek Power Bank 20000mAh", brand: "Orbit", category: "phones", price: 55, stock: 1, description: "High-capacity power bank that recharges a phone four times. 45 W USB-C output can top up a laptop; airline-safe capacity." },
  { name: "Kids Tablet 8", brand: "Lumen", category: "phones", price: 119, stock: 9, description: "Durable 8-inch tablet for children with a bumper case, parental controls and a year of educational apps and books." },
  // Cameras
  { name: "Horizon Mirrorless Camera", brand: "Fotonic", category: "cameras", price: 1499, stock: 5, featured: true, description: "24 MP full-frame mirrorless camera with in-body stabilisation, eye-tracking autofocus and 4K60 video. Weather-sealed magnesium body and dual card slots." },
  { name: "Prime 50mm f/1.8 Lens", brand: "Fotonic", category: "cameras", price: 249, stock: 13, description: "Fast, light standard prime lens for portraits and low light, with smooth background blur and a quiet stepping focus motor." },
  { name: "Zoom 24-105mm Lens", brand: "Fotonic", category: "cameras", price: 899, stock: 2, description: "Versatile everyday zoom lens with constant f/4 aperture, optical stabilisation and weather sealing. Travel, events and landscapes in one lens." },
  { name: "ActionCam 4K", brand: "Vela", category: "cameras", price: 299, stock: 24, description: "Waterproof action camera that films 4K60 with horizon levelling and electronic stabilisation. Mounts on helmets, bikes and surfboards." },
  { name: "Instant Film Camera", brand: "Polar", category: "cameras", price: 99, stock: 31, description: "Retro instant camera that prints credit-card-size photos in seconds. Automatic exposure, selfie mirror and a built-in flash." },
  { name: "Carbon Travel Tripod", brand: "Polar", category: "cameras", price: 179, stock: 0, description: "Carbon fibre tripod that folds to 40 cm and weighs 1.2 kg yet extends to 150 cm. Ball head with Arca-Swiss plate; converts to a monopod." },
  { name: "Sky Mini Drone", brand: "Vela", category: "cameras", price: 459, stock: 4, description: "Under-250 g camera drone with a 4K gimbal camera, 30-minute flights and obstacle sensing. Folds to fit a jacket pocket." },
  { name: "Camera Sling Bag", brand: "Polar", category: "cameras", price: 69, stock: 20, description: "Weatherproof sling bag holding a mirrorless camera, two lenses and a tablet. Padded dividers and quick side access." },
  { name: "Ring Light Kit", brand: "Fotonic", category: "cameras", price: 59, stock: 3, description: "18-inch LED ring light with adjustable colour temperature, a light stand and a phone holder for video calls, makeup and product photos." },
  { name: "Compact Zoom Camera", brand: "Fotonic", category: "cameras", price: 399, stock: 8, description: "Pocket point-and-shoot camera with a 30x optical zoom lens, 4K video and Wi-Fi transfer to your phone. Ideal for travel." },
  // Kitchen
  { name: "Barista Espresso Machine", brand: "Crema", category: "kitchen", price: 599, stock: 6, featured: true, description: "Semi-automatic espresso machine with a built-in conical burr grinder, 15-bar pump and steam wand for latte art. Café coffee at home." },
  { name: "Pour-Over Coffee Kettle", brand: "Crema", category: "kitchen", price: 79, stock: 27, description: "Electric gooseneck kettle with precise temperature control and a hold function for pour-over coffee and green tea. Stainless steel, 0.9 litre." },
  { name: "Burr Coffee Grinder", brand: "Crema", category: "kitchen", price: 149, stock: 1, description: "Flat burr coffee grinder with 40 grind settings from espresso to French press, low retention and a quiet motor." },
  { name: "Cast Iron Skillet 12in", brand: "Hearthstone", category: "kitchen", price: 45, stock: 48, description: "Pre-seasoned cast iron frying pan that goes from stovetop to oven to campfire. Even heat for searing steak and baking cornbread." },
  { name: "Dutch Oven 5.5qt", brand: "Hearthstone", category: "kitchen", price: 119, stock: 0, description: "Enamelled cast iron Dutch oven for braising, stews and no-knead bread. Tight-fitting lid, oven safe to 260 °C." },
  { name: "Air Fryer XL", brand: "Kitchenly", category: "kitchen", price: 129, stock: 21, description: "5.8-quart air fryer with eight presets, a dishwasher-safe basket and a window to watch crisping. Fries, wings and vegetables with little oil." },
  { name: "High-Speed Blender", brand: "Kitchenly", category: "kitchen", price: 199, stock: 10, description: "1,400 W blender with a 2-litre jar for smoothies, soups and nut butters. Self-cleaning program and a tamper included." },
  { name: "Chef Knife 8in", brand: "Hearthstone", category: "kitchen", price: 89, stock: 2, description: "Forged high-carbon stainless steel chef's knife with a full tang and a comfortable pakkawood handle. Razor sharp out of the box." },
  { name: "Sous Vide Precision Cooker", brand: "Kitchenly", category: "kitchen", price: 99, stock: 16, description: "Wi-Fi immersion circulator that holds water to a tenth of a degree for perfectly cooked steak, eggs and fish. App recipes included." },
  { name: "Cold Brew Coffee Maker", brand: "Crema", category: "kitchen", price: 35, stock: 44, description: "1.5-litre glass cold brew pitcher with a fine mesh filter. Smooth, low-acid iced coffee or tea overnight in the fridge." },
  // Outdoors
  { name: "Summit 2-Person Tent", brand: "Ridgeline", category: "outdoors", price: 279, stock: 8, featured: true, description: "Freestanding backpacking tent for two that weighs 1.6 kg, with two doors, two vestibules and a full rain fly. Sets up in five minutes." },
  { name: "Down Sleeping Bag -5C", brand: "Ridgeline", category: "outdoors", price: 229, stock: 3, description: "Mummy sleeping bag with 650-fill responsibly sourced down, comfortable to -5 °C, packing to the size of a water bottle." },
  { name: "Trail 38L Hiking Backpack", brand: "Ridgeline", category: "outdoors", price: 149, stock: 17, description: "Ventilated hiking backpack with an adjustable torso, hip-belt pockets, a rain cover and hydration sleeve. Carries a weekend of gear." },
  { name: "Insulated Water Bottle 1L", brand: "Tidewave", category: "outdoors", price: 32, stock: 90, description: "Vacuum-insulated stainless steel bottle that keeps water cold for 24 hours and coffee hot for 12. Leakproof lid with a carry loop." },
  { name: "Headlamp 400 Lumen", brand: "Brightpath", category: "outdoors", price: 39, stock: 35, description: "Rechargeable LED headlamp with a red night mode, motion sensor and 400-lumen beam for trail running, camping and power cuts." },
  { name: "Camp Stove Compact", brand: "Brightpath", category: "outdoors", price: 49, stock: 0, description: "Ultralight canister camp stove with a piezo igniter that boils a litre of water in three minutes. Folds into its own pot." },
  { name: "Trekking Poles Carbon", brand: "Ridgeline", category: "outdoors", price: 119, stock: 12, description: "Pair of collapsible carbon trekking poles with cork grips and quick locks. Save your knees on steep descents." },
  { name: "Hammock with Bug Net", brand: "Brightpath", category: "outdoors", price: 69, stock: 2, description: "Parachute nylon camping hammock with an integrated mosquito net and tree straps. Holds 180 kg; sets up in two minutes." },
  { name: "Waterproof Rain Jacket", brand: "Ridgeline", category: "outdoors", price: 189, stock: 14, description: "Breathable three-layer waterproof shell jacket with pit zips, a helmet-compatible hood and taped seams for hiking in storms." },
  { name: "Solar Lantern", brand: "Brightpath", category: "outdoors", price: 29, stock: 50, description: "Collapsible solar-powered LED lantern that also charges by USB. Floats, and lights a tent for 24 hours on a charge." },
  // Home office
  { name: "Lift Standing Desk", brand: "Oakline", category: "home-office", price: 549, stock: 5, featured: true, description: "Electric sit-stand desk with dual motors, four memory presets and a solid oak top. Rises from 62 to 127 cm smoothly and quietly." },
  { name: "Contour Ergonomic Office Chair", brand: "Oakline", category: "home-office", price: 429, stock: 1, description: "Breathable mesh office chair with adjustable lumbar support, 4D armrests and a synchro-tilt mechanism for all-day comfort." },
  { name: "Arc LED Desk Lamp", brand: "Lumen", category: "home-office", price: 79, stock: 26, description: "Dimmable LED desk lamp with adjustable colour temperature, an articulated arm and a USB-C charging port in the base." },
  { name: "Dual Monitor Arm", brand: "Oakline", category: "home-office", price: 119, stock: 11, description: "Gas-spring monitor arm holding two screens up to 32 inches. Clamps to the desk and frees up space; cable management built in." },
  { name: "Felt Desk Mat", brand: "Oakline", category: "home-office", price: 29, stock: 64, description: "Large merino wool felt desk mat that softens typing and protects the desk. 90 × 40 cm, non-slip underside." },
  { name: "Noise Machine White Noise", brand: "Vela", category: "home-office", price: 49, stock: 0, description: "White noise machine with 20 soothing sounds to mask office chatter and help focus. Timer and night light." },
  { name: "Under-Desk Treadmill", brand: "Stride", category: "home-office", price: 399, stock: 4, description: "Walking pad that slides under a standing desk, up to 6 km/h, with a remote and a quiet motor. Walk while you answer email." },
  { name: "Bookshelf Walnut 5-Tier", brand: "Oakline", category: "home-office", price: 249, stock: 7, description: "Five-tier walnut veneer bookshelf with a steel frame. Holds books, plants and a printer; anchors to the wall." },
  { name: "Cable Management Kit", brand: "Keyforge", category: "home-office", price: 25, stock: 80, description: "Under-desk cable tray, velcro ties and adhesive clips to tame the tangle of chargers, monitors and lamps." },
  { name: "Footrest Ergonomic", brand: "Oakline", category: "home-office", price: 39, stock: 3, description: "Adjustable footrest with a massaging surface to improve posture and circulation at a sitting desk." },
  // Fitness
  { name: "Adjustable Dumbbells 25kg", brand: "Ironclad", category: "fitness", price: 349, stock: 6, featured: true, description: "Pair of adjustable dumbbells that replace fifteen sets of weights, 2.5 to 25 kg each with a turn of a dial. Compact home gym." },
  { name: "Yoga Mat Pro 6mm", brand: "Stride", category: "fitness", price: 79, stock: 33, description: "Non-slip natural rubber yoga mat with alignment lines, 6 mm cushioning for knees and a carry strap." },
  { name: "Pulse Fitness Tracker", brand: "Vela", category: "fitness", price: 129, stock: 19, description: "Slim fitness band with heart-rate, sleep and SpO2 tracking, built-in GPS and a 10-day battery. Swimproof." },
  { name: "Resistance Bands Set", brand: "Stride", category: "fitness", price: 29, stock: 75, description: "Five latex resistance bands from light to extra heavy with handles, ankle straps and a door anchor for full-body workouts." },
  { name: "Kettlebell 16kg", brand: "Ironclad", category: "fitness", price: 69, stock: 0, description: "Single-piece cast iron kettlebell with a powder-coated wide handle for swings, snatches and goblet squats." },
  { name: "Foam Roller Vibrating", brand: "Stride", category: "fitness", price: 99, stock: 2, description: "Vibrating foam roller with four intensity levels to loosen tight muscles before and after workouts. Rechargeable." },
  { name: "Smart Jump Rope", brand: "Vela", category: "fitness", price: 39, stock: 41, description: "Jump rope that counts skips and calories and syncs to your phone. Adjustable cable and weighted handles." },
  { name: "Folding Exercise Bike", brand: "Stride", category: "fitness", price: 299, stock: 3, description: "Magnetic resistance folding exercise bike with eight levels, a tablet holder and heart-rate grips. Folds flat for storage." },
  { name: "Pull-Up Bar Doorway", brand: "Ironclad", category: "fitness", price: 45, stock: 29, description: "No-screw doorway pull-up bar with foam grips for pull-ups, chin-ups and hanging leg raises. Fits most door frames." },
  { name: "Running Shoes Cushion", brand: "Stride", category: "fitness", price: 139, stock: 13, description: "Lightweight cushioned running shoes with a breathable knit upper and a responsive foam midsole for daily training and long runs." },
];

/** URL-safe slug from a product name: "Nova X Smartphone 256GB" → "nova-x-smartphone-256gb". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** How many gallery images each demo product has (public/shop/images/<slug>-<n>.svg). */
export const DEMO_IMAGES_PER_PRODUCT = 3;

export function demoImageUrls(slug: string): string[] {
  return Array.from({ length: DEMO_IMAGES_PER_PRODUCT }, (_, index) => `/shop/images/${slug}-${index + 1}.svg`);
}

/** FNV-1a: a small stable hash, so seeded reviews and image colours never change between runs. */
export function stableHash(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return Math.abs(hash);
}
