/** Far zoom is where card text stops being readable; the fitted opening view of the examples stays above it. */
import { describe, expect, it } from 'vitest';
import { farZoom, isFarZoom } from './zoom-detail.js';

describe('isFarZoom', () => {
  it('is far below the threshold and near at and above it', () => {
    expect(isFarZoom(0.2)).toBe(true);
    expect(isFarZoom(farZoom)).toBe(false);
    expect(isFarZoom(1)).toBe(false);
  });
});
