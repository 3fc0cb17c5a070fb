/** The conflict copy round-trips through storage per journey, and a broken entry reads as none. */
import { describe, expect, it } from 'vitest';
import { dropConflictCopy, keepConflictCopy, readConflictCopy, type CopyStorage } from './conflict-copy.js';
import { firstDoseCheckIn } from './fixtures.js';

function memoryStorage(): CopyStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

describe('conflict copy', () => {
  it('keeps the local document per journey until dropped', () => {
    const storage = memoryStorage();
    const document = firstDoseCheckIn;
    keepConflictCopy(storage, 'jrn_1', document, new Date('2026-12-02T03:00:00Z'));
    expect(readConflictCopy(storage, 'jrn_1')).toEqual({ document, keptAt: '2026-12-02T03:00:00.000Z' });
    expect(readConflictCopy(storage, 'jrn_2')).toBeUndefined();
    dropConflictCopy(storage, 'jrn_1');
    expect(readConflictCopy(storage, 'jrn_1')).toBeUndefined();
  });

  it('reads a broken entry as no copy', () => {
    const storage = memoryStorage();
    storage.setItem('carepath.draft-conflict.jrn_1', '{not json');
    expect(readConflictCopy(storage, 'jrn_1')).toBeUndefined();
  });
});
