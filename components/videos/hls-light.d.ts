// hls.js ships types for its full build only. The light build (hls.js/light) has the same API without
// what the player does not use: subtitles inside HLS (captions are <track> elements), alternate audio
// renditions (the ladder muxes audio into each), DRM and CMCD.
declare module "hls.js/light" {
  export * from "hls.js";
  export { default } from "hls.js";
}
