/**
 * resim's call categories, as the example scenarios use them (scenarios/riverton.yaml): every
 * taxonomy maps a city's call types onto these, so an imported table fits the unit types'
 * service tables without editing.
 */
export const RESIM_CATEGORIES = [
  "violent",
  "property",
  "traffic",
  "disturbance",
  "mental-health",
  "welfare-check",
  "substance-use",
  "homelessness",
  "suicide-risk",
  "other",
] as const;

/** One of resim's call categories. */
export type ResimCategory = (typeof RESIM_CATEGORIES)[number];
