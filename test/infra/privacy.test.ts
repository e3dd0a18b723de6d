import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../src/privacy/redact.js';
import { UsageLog } from '../../src/privacy/usage-log.js';
import type { Answer } from '../../src/types.js';
import { createLogger, maskSecrets } from '../../src/logger.js';

describe('redactPersonalData', () => {
  it.each([
    ['mail me at jane.doe+x@example.co.uk please', 'mail me at [email] please'],
    ['call +1 (617) 555-0100 today', 'call [phone] today'],
    ['my number is 617-555-0100', 'my number is [phone]'],
    ['from 192.168.10.4 yesterday', 'from [ip] yesterday'],
    ['card 4111 1111 1111 1111 declined', 'card [number] declined'],
    ['ping <@U123ABC> and <!channel>', 'ping [mention] and [mention]'],
    ['see https://evil.example/?token=abc', 'see [url]'],
    ['I am @jane_doe on discord', 'I am [mention] on discord'],
    // Compressed and full IPv6, with a zone or an IPv4 tail.
    ['logged in from 2001:db8::7334 at 10:30', 'logged in from [ip] at 10:30'],
    ['link-local fe80::1%eth0 and loopback ::1', 'link-local [ip]%eth0 and loopback [ip]'],
    ['full 2001:0db8:85a3:0000:0000:8a2e:0370:7334.', 'full [ip].'],
    ['mapped ::ffff:192.0.2.1 too', 'mapped [ip] too'],
    // URLs without a scheme.
    ['open www.example.com/reset?token=abc123 now', 'open [url] now'],
    ['or example.com/reset?token=abc123', 'or [url]'],
    ['visit www.example.com today', 'visit [url] today'],
    ['see acme.co.uk/privacy#contact', 'see [url]'],
    // Non-ASCII e-mail addresses, whole.
    ['write to jöhn.müller@example.de please', 'write to [email] please'],
    ['or to ñandú@correo.es and 李@例え.jp', 'or to [email] and [email]'],
  ])('redacts %s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it.each([
    'how long do you keep my data after 30 days?',
    // Times, version strings, section numbers and file names are not addresses.
    'the outage was from 10:30 to 11:45:30 on monday',
    'does version 2.10.3 or v1.2.0-beta.4 change the policy?',
    'section 4.2.1 says what about ratio 16:9?',
    'is gmail.com a processor? what about policy.md and node.js',
    'C++ std::vector is not an address',
  ])('keeps %s intact', (question) => {
    expect(redactPersonalData(question)).toBe(question);
  });
});

describe('UsageLog', () => {
  const answer: Answer = {
    question: 'can you delete jane@example.com from the list? call 617-555-0100',
    answered: true,
    passages: [{ document: 'D', documentId: 'd', sectionId: 'data-retention', section: ['Data retention'], text: 't', highlights: [], score: 1, url: '#data-retention', citation: 'c', confidence: 'high' }],
  };

  it('writes nothing by default but still counts votes', () => {
    const log = new UsageLog();
    log.recordQuestion('slack', answer);
    log.recordFeedback({ platform: 'slack', helpful: false, section: ['Data retention'] });
    expect(log.path).toBeUndefined();
    expect(log.feedbackCounts().get('Data retention')).toEqual({ helpful: 0, notHelpful: 1 });
  });

  it('writes redacted JSON Lines when opted in', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'usage-')), 'nested', 'log.jsonl');
    const log = new UsageLog({ path });
    log.recordQuestion('discord', answer);
    log.recordFeedback({ platform: 'discord', helpful: true, section: ['Data retention'] });
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ type: 'question', platform: 'discord', answered: true, section: ['Data retention'] });
    expect(String(lines[0]!.question)).not.toMatch(/jane@example\.com|617-555-0100/);
    expect(lines[1]).toMatchObject({ type: 'feedback', helpful: true });
    expect(JSON.stringify(lines[1])).not.toContain('delete');
  });
});

describe('logger', () => {
  it('masks configured secrets and token shapes', () => {
    const lines: string[] = [];
    const log = createLogger({ secrets: ['s3cr3tsigningvalue'], write: (l) => lines.push(l) });
    log.error('boom xoxb-123-456-abc', { detail: 'value s3cr3tsigningvalue', err: new Error('xapp-1-A-2') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/xoxb-123|s3cr3tsigningvalue|xapp-1/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error' });
  });

  it('drops messages below the threshold', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', write: (l) => lines.push(l) });
    log.info('quiet');
    log.warn('loud');
    expect(lines.map((l) => (JSON.parse(l) as { message: string }).message)).toEqual(['loud']);
  });

  it('maskSecrets ignores very short secrets so it does not shred ordinary text', () => {
    expect(maskSecrets('a b c', ['a'])).toBe('a b c');
  });
});
