import { describe, expect, it } from 'vitest';
import { stepTypes, validateJourney } from '../../schema/index.js';
import { catalogueJourney } from './catalogue-fixture.js';

describe('the catalogue fixture', () => {
  it('has one step of every type and no errors, so stories show valid nodes', () => {
    expect(new Set(Object.values(catalogueJourney.steps).map((s) => s.type))).toEqual(new Set(stepTypes));
    expect(validateJourney(catalogueJourney).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
