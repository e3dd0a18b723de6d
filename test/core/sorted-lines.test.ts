import { describe, expect, it } from 'vitest';
import { SortedLines } from '../../src/search/sorted-lines.js';

describe('SortedLines', () => {
  const words = ['apple', 'apples', 'banana', 'cherry', 'date'];

  it('finds the same position as a scan of the sorted lines, for every key around every line', () => {
    for (const separator of [' ', '\n']) {
      for (const text of [words.join(separator), words.join(separator) + separator]) {
        const lines = new SortedLines(text, separator);
        expect(lines.length).toBe(words.length);
        const keys = ['', 'a', 'zzz', ...words.flatMap((word) => [word, word.slice(0, -1), `${word}a`, `${word} `, `${word.slice(0, -1)}z`])];
        for (const key of keys) {
          const scanned = words.findIndex((word) => !(word < key));
          expect(lines.lowerBound(key), JSON.stringify(key)).toBe(scanned < 0 ? words.length : scanned);
          expect(lines.has(key), JSON.stringify(key)).toBe(words.includes(key));
        }
        words.forEach((word, i) => expect(lines.line(i)).toBe(word));
      }
    }
  });

  it('finds lines by prefix past a header that sorts first, whatever its own order', () => {
    const lines = new SortedLines('  9 licence\n  10 licence\nabc n 1\nabcd n 2\nzyrian n 3\n', '\n');
    expect(lines.lineStartingWith('abc ')).toBe('abc n 1');
    expect(lines.lineStartingWith('abcd ')).toBe('abcd n 2');
    expect(lines.lineStartingWith('zyrian ')).toBe('zyrian n 3');
    expect(lines.lineStartingWith('ab ')).toBeUndefined();
    expect(lines.lineStartingWith('zz ')).toBeUndefined();
  });

  it('refuses a separator that is not one character, and a line number out of range', () => {
    expect(() => new SortedLines('a b', '')).toThrow(/sorted-lines: the separator must be one character/);
    expect(() => new SortedLines('a b', ' ').line(2)).toThrow(/sorted-lines: no line 2 of 2/);
  });
});
