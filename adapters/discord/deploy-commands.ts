/**
 * Registers the bot's slash commands with Discord (`npm run discord:deploy-commands`), as in the discord.js guide.
 * With DISCORD_GUILD_ID the commands go to that guild only and appear at once; otherwise they are global.
 */
import { REST, Routes } from 'discord.js';
import { ConfigError, loadConfig, secretsOf, type DiscordConfig } from '../config.js';
import { createLogger, maskSecrets, silentLogger, type Logger } from '../../src/logger.js';
import { isEntryPoint } from '../../src/paths.js';
import { commands, messageCommands } from './commands/index.js';

/** Options for {@link deployCommands}. */
export interface DeployCommandsOptions {
  logger: Logger;
}

export const defaultDeployCommandsOptions: Readonly<DeployCommandsOptions> = { logger: silentLogger };

/** What was deployed where. */
export interface DeployResult {
  scope: 'guild' | 'global';
  route: string;
  commands: string[];
}

/**
 * PUTs every command definition (replacing the previous set) to the guild route when `guildId` is set, else globally.
 *
 * @example
 * const result = await deployCommands(loadConfig().discord!);
 * console.log(`${result.commands.join(', ')} → ${result.scope}`);
 */
export async function deployCommands(config: DiscordConfig, options: Partial<DeployCommandsOptions> = {}): Promise<DeployResult> {
  const { logger } = { ...defaultDeployCommandsOptions, ...options };
  if (!config.applicationId) {
    throw new ConfigError(
      'DISCORD_APPLICATION_ID is required to deploy slash commands (Developer Portal → your application → General Information → Application ID)',
    );
  }
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const rest = new REST(config.apiUrl ? { api: config.apiUrl.replace(/\/+$/, '') } : {}).setToken(config.token);
  const body = commands.map((command) => command.data.toJSON());
  logger.info('discord: deploying commands', { route, commands: body.map((c) => c.name) });
  await rest.put(route, { body });
  return { scope: config.guildId ? 'guild' : 'global', route, commands: body.map((c) => c.name) };
}

async function main(): Promise<void> {
  let secrets: string[] = [];
  try {
    const config = loadConfig(process.env);
    secrets = secretsOf(config);
    const logger = createLogger({ level: config.logLevel, secrets });
    if (!config.discord) throw new ConfigError('DISCORD_TOKEN is required to deploy slash commands');
    const result = await deployCommands(config.discord, { logger });
    const where = result.scope === 'guild' ? `guild ${config.discord.guildId} (available now)` : 'all guilds (global commands)';
    const onMessages = new Set(messageCommands.map((command) => command.data.name));
    const names = result.commands.map((name) => (onMessages.has(name) ? `"${name}" (on messages)` : `/${name}`));
    console.log(`Deployed ${names.join(', ')} to ${where}.`);
  } catch (error) {
    const message = maskSecrets(error instanceof Error ? error.message : String(error), secrets);
    const hint = /^401\b/.test(message) ? ' (check DISCORD_TOKEN: Developer Portal → your application → Bot → Reset Token)' : '';
    console.error(message.startsWith('config:') ? message : `discord: deploying commands failed: ${message}${hint}`);
    process.exitCode = 1;
  }
}

if (isEntryPoint(import.meta.url)) await main();
