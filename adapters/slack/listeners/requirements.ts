/**
 * What each listener needs from the Slack app's configuration (manifest.json): the events it subscribes to, the bot
 * scopes its Web API calls and events require, and the commands and shortcuts it answers. Each listener file exports
 * its own; `registerListeners` returns those of the listeners it registered, and the manifest test checks that the
 * manifest declares exactly their union.
 */
export interface SlackRequirements {
  /** Bot events (`settings.event_subscriptions.bot_events`). */
  events?: readonly string[];
  /** Bot token scopes (`oauth_config.scopes.bot`). */
  scopes: readonly string[];
  /** Slash commands (`features.slash_commands[].command`). */
  commands?: readonly string[];
  /** Message shortcuts (`features.shortcuts[]` of type `message`), by callback id. */
  messageShortcuts?: readonly string[];
  /** The Home tab (`features.app_home.home_tab_enabled`). */
  homeTab?: boolean;
}
