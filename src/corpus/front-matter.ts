/** Front matter split off a Markdown file: flat `key: value` pairs and the remaining body. */
export interface FrontMatter {
  data: Record<string, string>;
  body: string;
  /** Lines the front matter took, so body line numbers can be reported in errors. */
  lineCount: number;
}

const FENCE = /^---[ \t]*$/;

/**
 * Splits a leading `---` … `---` block of `key: value` lines (a YAML subset: strings, quoted or not) off a file.
 * Files without front matter come back unchanged with empty data.
 *
 * @example
 * parseFrontMatter('---\ntitle: Acme Policy\n---\n# Hi').data.title // => 'Acme Policy'
 */
export function parseFrontMatter(content: string): FrontMatter {
  const lines = content.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { data: {}, body: content, lineCount: 0 };
  const end = lines.findIndex((line, index) => index > 0 && (FENCE.test(line) || /^\.\.\.[ \t]*$/.test(line)));
  if (end < 0) return { data: {}, body: content, lineCount: 0 };
  const data: Record<string, string> = {};
  for (const line of lines.slice(1, end)) {
    const match = /^([A-Za-z_][\w-]*)\s*:(.*)$/.exec(line);
    if (!match || !match[1]) continue;
    data[match[1].toLowerCase()] = unquote((match[2] ?? '').trim());
  }
  return { data, body: lines.slice(end + 1).join('\n'), lineCount: end + 1 };
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === 'string') return parsed;
    } catch {
      // Not JSON-compatible: fall through and strip the quotes only.
    }
    return value.slice(1, -1);
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  // An unquoted YAML value ends at a comment.
  return value.replace(/\s+#.*$/, '');
}

/**
 * Renders flat string pairs as a front matter block; values that YAML would misread are double-quoted.
 *
 * @example
 * renderFrontMatter({ title: 'Acme: Policy' }) // => '---\ntitle: "Acme: Policy"\n---\n'
 */
export function renderFrontMatter(data: Record<string, string | undefined>): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const plain = /^[^\s'"#&*!|>%@`{}[\],?:-]/.test(value) && !/:\s|\s#|\s$|[\n\r\t]/.test(value);
    lines.push(`${key}: ${plain ? value : JSON.stringify(value)}`);
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}
