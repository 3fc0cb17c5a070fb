import { describe, expect, it } from 'vitest';
import { LruCache } from './lru.js';

describe('LruCache', () => {
  it('evicts the least recently used entry, not the oldest inserted', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('keeps the total weight under its bound, and replacing a key does not count it twice', () => {
    const cache = new LruCache<string, string>(100, 10);
    cache.set('x', 'x', 6);
    cache.set('x', 'x', 6);
    expect(cache.get('x')).toBe('x');
    cache.set('y', 'y', 6);
    expect(cache.get('x')).toBeUndefined();
    expect(cache.size).toBe(1);
  });
});
