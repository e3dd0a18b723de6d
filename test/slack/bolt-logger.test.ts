import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createBoltLogger } from '../../adapters/slack/bolt-logger.js';
import type { Logger } from '../../src/logger.js';

function capture(): { logger: Logger; lines: Array<{ level: string; message: string }> } {
  const lines: Array<{ level: string; message: string }> = [];
  const at = (level: string) => (message: string) => lines.push({ level, message });
  return { logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

describe('createBoltLogger', () => {
  it('forwards only warnings and errors, even after bolt asks for debug', () => {
    const { logger, lines } = capture();
    const bolt = createBoltLogger(logger);
    bolt.setLevel(LogLevel.DEBUG);
    bolt.debug('payload: {"text":"my email is jane@example.com"}');
    bolt.info('info');
    bolt.warn('careful');
    bolt.error(new Error('broken'));
    expect(lines).toEqual([
      { level: 'warn', message: 'slack: bolt: careful' },
      { level: 'error', message: 'slack: bolt: Error: broken' },
    ]);
    expect(bolt.getLevel()).toBe(LogLevel.WARN);
  });

  it('masks the configured secrets and token shapes, and redacts personal data', () => {
    const { logger, lines } = capture();
    const bolt = createBoltLogger(logger, { secrets: ['MySigningSecret123456'] });
    bolt.warn('secret MySigningSecret123456 token xoxb-1-2-abc mail jane@example.com', { nested: 'xapp-1-A-2' });
    const message = lines[0]?.message ?? '';
    expect(message).not.toContain('MySigningSecret123456');
    expect(message).not.toContain('xoxb-1-2-abc');
    expect(message).not.toContain('xapp-1-A-2');
    expect(message).not.toContain('jane@example.com');
  });
});
