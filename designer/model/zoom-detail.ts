/** How much a step card shows at a zoom level: below `farZoom` its text is too small to read, so it shows a large title and its type only. */

/** At this zoom a 13px line is under 6px on screen: no longer readable. */
export const farZoom = 0.45;

export function isFarZoom(zoom: number): boolean {
  return zoom < farZoom;
}
