import type { LatLng } from "./geo";

/**
 * Named places of the demo city for the pickup/drop-off autocomplete: real
 * San Francisco landmarks, stations and neighbourhoods at their real
 * coordinates (rounded to ~10 m). Pure data, safe in the browser.
 */

export type PlaceKind = "landmark" | "station" | "neighbourhood" | "park" | "venue" | "shopping" | "campus";
export type NamedPlace = LatLng & { id: string; name: string; kind: PlaceKind };

const place = (name: string, kind: PlaceKind, lat: number, lng: number): NamedPlace => ({
  id: name.toLowerCase().normalize("NFD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""),
  name,
  kind,
  lat,
  lng,
});

export const NAMED_PLACES: readonly NamedPlace[] = [
  place("Ferry Building", "landmark", 37.7955, -122.3937),
  place("Union Square", "shopping", 37.788, -122.4075),
  place("Coit Tower", "landmark", 37.8024, -122.4058),
  place("Fisherman's Wharf", "landmark", 37.808, -122.4177),
  place("Pier 39", "landmark", 37.8087, -122.4098),
  place("Ghirardelli Square", "shopping", 37.806, -122.423),
  place("Lombard Street", "landmark", 37.8021, -122.4187),
  place("Palace of Fine Arts", "landmark", 37.8029, -122.4484),
  place("Crissy Field", "park", 37.8039, -122.464),
  place("Presidio Main Post", "park", 37.8, -122.458),
  place("Marina District", "neighbourhood", 37.8008, -122.437),
  place("Chinatown Gate", "landmark", 37.7906, -122.4058),
  place("Transamerica Pyramid", "landmark", 37.7952, -122.4028),
  place("Grace Cathedral", "landmark", 37.7919, -122.4134),
  place("Salesforce Tower", "landmark", 37.7897, -122.3972),
  place("Embarcadero Station", "station", 37.7929, -122.3971),
  place("Exploratorium", "venue", 37.8017, -122.3973),
  place("SFMOMA", "venue", 37.7857, -122.4011),
  place("Moscone Center", "venue", 37.784, -122.4008),
  place("Yerba Buena Gardens", "park", 37.785, -122.402),
  place("Oracle Park", "venue", 37.7786, -122.3893),
  place("4th and King Caltrain", "station", 37.7766, -122.3947),
  place("Chase Center", "venue", 37.768, -122.3877),
  place("UCSF Mission Bay", "campus", 37.768, -122.393),
  place("City Hall", "landmark", 37.7793, -122.4193),
  place("Civic Center Station", "station", 37.7797, -122.4141),
  place("Japantown", "neighbourhood", 37.7853, -122.4294),
  place("Alamo Square", "park", 37.7764, -122.4346),
  place("Haight-Ashbury", "neighbourhood", 37.7692, -122.4481),
  place("Cole Valley", "neighbourhood", 37.766, -122.45),
  place("UCSF Parnassus", "campus", 37.7631, -122.458),
  place("Castro Theatre", "venue", 37.762, -122.4348),
  place("Mission Dolores Park", "park", 37.7596, -122.4269),
  place("16th Street Mission Station", "station", 37.765, -122.4196),
  place("24th Street Mission Station", "station", 37.7524, -122.4184),
  place("Potrero Hill", "neighbourhood", 37.7583, -122.4009),
  place("Dogpatch", "neighbourhood", 37.76, -122.388),
  place("Noe Valley", "neighbourhood", 37.751, -122.433),
  place("Twin Peaks", "park", 37.7544, -122.4477),
  place("Bernal Heights Park", "park", 37.743, -122.4146),
  place("Glen Park Station", "station", 37.7331, -122.4338),
  place("Balboa Park Station", "station", 37.7215, -122.4474),
  place("Excelsior", "neighbourhood", 37.724, -122.427),
  place("Hunters Point", "neighbourhood", 37.727, -122.371),
  place("Inner Sunset", "neighbourhood", 37.764, -122.466),
  place("de Young Museum", "venue", 37.7715, -122.4686),
  place("Golden Gate Park Windmill", "park", 37.7705, -122.5088),
  place("Outer Richmond", "neighbourhood", 37.779, -122.493),
  place("Lands End", "park", 37.785, -122.505),
  place("Sutro Baths", "landmark", 37.7804, -122.5138),
  place("Ocean Beach", "park", 37.7594, -122.5107),
  place("San Francisco Zoo", "venue", 37.733, -122.503),
  place("Stonestown Galleria", "shopping", 37.7281, -122.4766),
  place("San Francisco State University", "campus", 37.7241, -122.4799),
  place("Lake Merced", "park", 37.726, -122.493),
];

/**
 * Places matching what was typed, for the autocomplete: names that start with
 * the query first, then names with a word starting with it, then names that
 * contain it; case and accents ignored.
 */
export function searchPlaces(query: string, limit = 8): NamedPlace[] {
  const wanted = fold(query.trim());
  if (!wanted) return [];
  const rank = (name: string): number => {
    const folded = fold(name);
    if (folded.startsWith(wanted)) return 0;
    if (folded.split(/[^a-z0-9]+/).some((word) => word.startsWith(wanted))) return 1;
    return folded.includes(wanted) ? 2 : 3;
  };
  return NAMED_PLACES.map((place) => ({ place, rank: rank(place.name) }))
    .filter(({ rank }) => rank < 3)
    .sort((a, b) => a.rank - b.rank || a.place.name.localeCompare(b.place.name))
    .slice(0, limit)
    .map(({ place }) => place);
}

export function placeById(id: string): NamedPlace | undefined {
  return NAMED_PLACES.find((place) => place.id === id);
}

function fold(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[’']/g, "");
}
