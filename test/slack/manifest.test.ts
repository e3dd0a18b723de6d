import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSlackAdapterOptions } from '../../adapters/slack/app.js';
import { projectRoot } from '../../src/paths.js';

interface Manifest {
  display_information: { name: string };
  features: { bot_user: { display_name: string }; slash_commands: Array<{ command: string; url: string; usage_hint: string; should_escape: boolean }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = JSON.parse(readFileSync(join(projectRoot, 'manifest.json'), 'utf8')) as Manifest;

describe('manifest.json', () => {
  it('declares the app, the /privacy command and one Request URL matching the adapter endpoint', () => {
    expect(manifest.display_information.name).toBe('Privacy Assistant');
    expect(manifest.features.bot_user.display_name).toBe('Privacy Assistant');
    const [command] = manifest.features.slash_commands;
    expect(command).toMatchObject({ command: defaultSlackAdapterOptions.commandName, usage_hint: '[question]' });
    const endpoint = `https://YOUR-HOST${defaultSlackAdapterOptions.endpoint}`;
    expect(command?.url).toBe(endpoint);
    expect(manifest.settings.event_subscriptions.request_url).toBe(endpoint);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: endpoint });
  });

  it('asks for exactly the scopes and events the listeners use, in HTTP mode by default', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history', 'im:read', 'im:write']);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});
