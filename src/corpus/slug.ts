/**
 * GitHub-style anchor slug of a heading: lower case, punctuation dropped, spaces to hyphens.
 *
 * @example
 * slugify('Children’s data') // => 'childrens-data'
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug;
}

/**
 * Hands out unique slugs within one document: the second "Legal basis for processing" becomes
 * `legal-basis-for-processing-2`, like the anchors a Markdown renderer would produce.
 *
 * @example
 * const slugs = new SlugRegistry();
 * slugs.unique('Data retention'); // => 'data-retention'
 * slugs.unique('Data retention'); // => 'data-retention-2'
 */
export class SlugRegistry {
  private readonly used = new Set<string>();

  /**
   * Claims `preferred` (an anchor the page itself gives, e.g. `{#authority}`) when it is a usable, unused anchor;
   * otherwise the slug of `text`, numbered when taken.
   */
  unique(text: string, fallback = 'section', preferred?: string): string {
    const candidate = preferred !== undefined && isAnchor(preferred) && !this.used.has(preferred) ? preferred : this.peek(text, fallback);
    this.used.add(candidate);
    return candidate;
  }

  /** What `unique(text, fallback)` would return now, without claiming it. */
  peek(text: string, fallback = 'section'): string {
    const base = slugify(text) || fallback;
    let candidate = base;
    for (let n = 2; this.used.has(candidate); n += 1) candidate = `${base}-${n}`;
    return candidate;
  }
}

/**
 * Can this string be a section anchor (letters, digits, `_ . : -`, at most 100 characters, starting with a letter or
 * digit)? Anything else a page gives as an id is ignored in favour of the heading's slug.
 *
 * @example
 * isAnchor('our-privacy-act-statement') // => true
 * isAnchor('a b') // => false
 */
export function isAnchor(id: string): boolean {
  return /^[\p{L}\p{N}][\p{L}\p{N}_.:-]{0,99}$/u.test(id);
}
