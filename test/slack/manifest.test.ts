import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSlackAdapter, defaultSlackAdapterOptions, type SlackAdapter } from '../../adapters/slack/app.js';
import type { SlackRequirements } from '../../adapters/slack/listeners/index.js';
import { answerFromPolicyShortcut } from '../../adapters/slack/listeners/shortcuts/answer-from-policy.js';
import { silentLogger } from '../../src/logger.js';
import { projectRoot } from '../../src/paths.js';
import { UsageLog } from '../../src/privacy/usage-log.js';
import { bundledSlackAnswerer } from '../helpers/slack-answerer.js';
import { testBotToken, testSigningSecret } from '../helpers/slack-harness.js';

interface Manifest {
  display_information: { name: string; long_description: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: Array<{ command: string; url: string; usage_hint: string; should_escape: boolean }>;
    shortcuts?: Array<{ name: string; type: string; callback_id: string; description: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = JSON.parse(readFileSync(join(projectRoot, 'manifest.json'), 'utf8')) as Manifest;
const listenersDir = join(projectRoot, 'adapters/slack/listeners');

/** The bot scope each Web API method the listeners call needs (null: none). A method missing here fails the test. */
const methodScopes: Record<string, string | null> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'reactions.add': 'reactions:write',
  'reactions.remove': 'reactions:write',
  'views.publish': null,
};

function adapter(autoAnswerChannels?: string[]): SlackAdapter {
  return createSlackAdapter(
    { mode: 'http', botToken: testBotToken, signingSecret: testSigningSecret, ...(autoAnswerChannels ? { autoAnswerChannels } : {}) },
    { answerer: bundledSlackAnswerer(), usageLog: new UsageLog(), rateLimit: { limit: 5, windowMs: 60_000 }, logger: silentLogger },
  );
}

const union = (requirements: SlackRequirements[], key: 'events' | 'scopes' | 'commands' | 'messageShortcuts') =>
  [...new Set(requirements.flatMap((r) => r[key] ?? []))].sort();

function listenerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listenerFiles(path);
    return entry.name.endsWith('.ts') && !['index.ts', 'requirements.ts'].includes(entry.name) ? [path] : [];
  });
}

/** Web API methods called in a file and in the sibling helper files it imports (`./x.js`). */
function methodsCalled(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const own = [...source.matchAll(/\bclient\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`);
  const helpers = [...source.matchAll(/from '(\.\/[\w-]+)\.js'/g)].map((m) => join(dirname(file), `${m[1]}.ts`));
  return [...own, ...helpers.flatMap((helper) => methodsCalled(helper, seen))];
}

describe('manifest.json', () => {
  it('declares the app, the /privacy command, the message shortcut and one Request URL matching the adapter endpoint', () => {
    expect(manifest.display_information.name).toBe('Privacy Assistant');
    expect(manifest.features.bot_user.display_name).toBe('Privacy Assistant');
    const [command] = manifest.features.slash_commands;
    expect(command).toMatchObject({ command: defaultSlackAdapterOptions.commandName, usage_hint: '[question]' });
    const endpoint = `https://YOUR-HOST${defaultSlackAdapterOptions.endpoint}`;
    expect(command?.url).toBe(endpoint);
    expect(manifest.settings.event_subscriptions.request_url).toBe(endpoint);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: endpoint });
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', name: answerFromPolicyShortcut.name, callback_id: answerFromPolicyShortcut.callbackId }),
    ]);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.display_information.long_description.length).toBeLessThanOrEqual(4000);
  });

  it('asks for exactly the scopes, events, commands, shortcuts and Home tab that the listeners need, all features on', () => {
    const { requirements } = adapter(['C0PRIVACY1']);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(union(requirements, 'scopes'));
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(union(requirements, 'events'));
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(union(requirements, 'commands'));
    expect((manifest.features.shortcuts ?? []).map((s) => s.callback_id).sort()).toEqual(union(requirements, 'messageShortcuts'));
    expect(manifest.features.app_home.home_tab_enabled).toBe(requirements.some((r) => r.homeTab === true));
    // The Messages tab is where direct messages (message.im) are written.
    expect(manifest.features.app_home.messages_tab_enabled).toBe(union(requirements, 'events').includes('message.im'));
  });

  it('reads channel messages only when some channel is answered without a mention', () => {
    const { requirements } = adapter();
    expect(union(requirements, 'events')).not.toContain('message.channels');
    expect(union(requirements, 'scopes')).not.toContain('channels:history');
    expect(union(requirements, 'scopes')).not.toContain('reactions:write');
  });

  it('every listener declares the scopes of the Web API methods it (or a helper it imports) calls', async () => {
    const files = listenerFiles(listenersDir);
    let checked = 0;
    for (const file of files) {
      const module = (await import(file)) as { requirements?: SlackRequirements };
      if (!module.requirements) continue;
      checked += 1;
      for (const method of methodsCalled(file)) {
        const name = relative(listenersDir, file);
        expect(Object.keys(methodScopes), `${name} calls ${method}: add it to methodScopes`).toContain(method);
        const scope = methodScopes[method];
        if (scope) expect(module.requirements.scopes, `${name} calls ${method}`).toContain(scope);
      }
    }
    // Every listener file has its requirements (helpers such as answer-in-thread.ts and outcome.ts have none).
    expect(checked).toBe(files.filter((file) => !/answer-in-thread|outcome/.test(file)).length);
    expect(checked).toBeGreaterThanOrEqual(9);
  });
});
