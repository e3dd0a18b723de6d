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

  unique(text: string, fallback = 'section'): string {
    const base = slugify(text) || fallback;
    let candidate = base;
    for (let n = 2; this.used.has(candidate); n += 1) candidate = `${base}-${n}`;
    this.used.add(candidate);
    return candidate;
  }
}
