import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllStarted, spawnStart } from '../helpers/web-process.js';
import { rawRequest, requireBuilt } from '../helpers/web-server.js';

// The issue's repro: `QUESTION_LOG_PATH=… npm start`, then a token pasted as a question. Slack and Discord are
// configured (their APIs unreachable on a closed loopback port), so their tokens are the process's own secrets.

const SLACK_BOT_TOKEN = 'xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';
const SLACK_SIGNING_SECRET = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';
const UNREACHABLE = 'http://127.0.0.1:9';

afterAll(() => killAllStarted());

describe('secrets pasted into questions', () => {
  it('reach neither the debug log nor the question log, whatever their shape', async () => {
    const questionLog = join(mkdtempSync(join(tmpdir(), 'secrets-start-')), 'questions.jsonl');
    const app = spawnStart(requireBuilt('adapters/start.ts'), {
      PORT: '0',
      LOG_LEVEL: 'debug',
      QUESTION_LOG_PATH: questionLog,
      SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET,
      SLACK_API_URL: `${UNREACHABLE}/api/`,
      DISCORD_TOKEN,
      DISCORD_API_URL: UNREACHABLE,
    });
    try {
      const [, url] = await app.waitFor(/Support desk: (http:\/\/127\.0\.0\.1:\d+)/);
      const pasted = [
        SLACK_BOT_TOKEN,
        SLACK_SIGNING_SECRET,
        DISCORD_TOKEN,
        'xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef',
        'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg',
        'Bearer 4f9c2a71-88d3-4b6e-9c0f-2e5d7a1b3c9d',
      ];
      for (const secret of pasted) {
        const res = await rawRequest(url!, `/api/answer?q=${encodeURIComponent(`can I share ${secret} with you?`)}`);
        expect(res.status).toBe(200);
      }
      // Other lines (Slack's and Discord's failed connections) interleave with the six answered ones.
      await app.waitFor(/(?:[\s\S]*?"message":"web: answered"){6}/, 'stderr');
      const logged = readFileSync(questionLog, 'utf8');
      expect(logged.trim().split('\n')).toHaveLength(pasted.length);
      const output = `${app.stdout()}\n${app.stderr()}\n${logged}`;
      const parts = [
        'AbCdEfGhIjKlMnOpQrStUvWx',
        SLACK_SIGNING_SECRET,
        'abcdefghijklmnopqrstuvwxyz0123456789AB',
        '0123456789abcdef0123456789abcdef',
        'c2lnbmF0dXJlLW9mLXRoZS10b2tlbg',
        '4f9c2a71-88d3-4b6e-9c0f-2e5d7a1b3c9d',
      ];
      for (const part of parts) expect(output).not.toContain(part);
      expect(logged).toContain('[secret]');
    } finally {
      app.kill();
    }
  });
});
