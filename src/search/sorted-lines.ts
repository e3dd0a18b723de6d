/**
 * A sorted list of lines (or words) kept in one string, searched in place: the start of every line is recorded once,
 * so a lookup binary-searches line numbers and compares characters where they stand. Slicing a line at every probe
 * of a multi-megabyte string (the WordNet index files, the English word lists) cost tens of microseconds per word
 * seen for the first time; this costs a few.
 */
export class SortedLines {
  private readonly text: string;
  private readonly separator: string;
  private readonly separatorCode: number;
  private readonly starts: Int32Array;

  /**
   * `text` holds lines sorted in JavaScript string order (lines that sort before every key looked up, such as a
   * licence header, may come first in any order), separated by `separator`; a final separator ends the last line.
   *
   * @example
   * new SortedLines('apple banana cherry', ' ').has('banana') // => true
   */
  constructor(text: string, separator: string) {
    if (separator.length !== 1) throw new Error(`sorted-lines: the separator must be one character, got ${JSON.stringify(separator)}`);
    // A line starts at 0 and after every separator but a final one (an empty last line would break the order).
    const end = text.endsWith(separator) ? text.length - 1 : text.length;
    let lines = 1;
    for (let at = text.indexOf(separator); at >= 0 && at < end; at = text.indexOf(separator, at + 1)) lines++;
    const starts = new Int32Array(lines);
    let line = 1;
    for (let at = text.indexOf(separator); at >= 0 && at < end; at = text.indexOf(separator, at + 1)) starts[line++] = at + 1;
    this.text = text;
    this.separator = separator;
    this.separatorCode = separator.charCodeAt(0);
    this.starts = starts;
  }

  /** Number of lines. */
  get length(): number {
    return this.starts.length;
  }

  /**
   * The number of the first line not less than `key` (as `line < key` compares them), or {@link length} when every
   * line is less.
   *
   * @example
   * new SortedLines('apple banana cherry', ' ').lowerBound('b') // => 1
   */
  lowerBound(key: string): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.lessThan(this.starts[middle]!, key)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Line `number` (0-based), without its separator.
   *
   * @example
   * new SortedLines('apple banana cherry', ' ').line(2) // => 'cherry'
   */
  line(number: number): string {
    const start = this.starts[number];
    if (start === undefined) throw new RangeError(`sorted-lines: no line ${number} of ${this.starts.length}`);
    const end = this.text.indexOf(this.separator, start);
    return this.text.slice(start, end < 0 ? this.text.length : end);
  }

  /**
   * Whether some line is exactly `word`.
   *
   * @example
   * new SortedLines('apple banana cherry', ' ').has('banan') // => false
   */
  has(word: string): boolean {
    const at = this.lowerBound(word);
    return at < this.starts.length && this.line(at) === word;
  }

  /**
   * The first line starting with `prefix`, or undefined.
   *
   * @example
   * new SortedLines('abc n 1\nabcd n 2\n', '\n').lineStartingWith('abc ') // => 'abc n 1'
   */
  lineStartingWith(prefix: string): string | undefined {
    const at = this.lowerBound(prefix);
    if (at === this.starts.length) return undefined;
    const line = this.line(at);
    return line.startsWith(prefix) ? line : undefined;
  }

  /** Whether the line starting at `start` sorts before `key`, compared in place. */
  private lessThan(start: number, key: string): boolean {
    const { text, separatorCode } = this;
    for (let k = 0; k < key.length; k++) {
      const at = start + k;
      // The line ends first: a proper prefix of `key` sorts before it.
      if (at >= text.length) return true;
      const code = text.charCodeAt(at);
      if (code === separatorCode) return true;
      const wanted = key.charCodeAt(k);
      if (code !== wanted) return code < wanted;
    }
    return false;
  }
}
