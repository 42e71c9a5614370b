package dev.storybot.slack;

import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Slack's Web API error codes (the {@code error} of an {@code ok=false} answer) mean for the bot: none of them
 * is worth retrying, some say the token is bad, some that the conversation cannot be reached, and each has a hint
 * for whoever reads the log.
 */
final class SlackErrors {

  private static final Logger log = LoggerFactory.getLogger(SlackErrors.class);

  private static final Set<String> TOKEN = Set.of(
      "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission");
  private static final Set<String> UNREACHABLE = Set.of(
      "channel_not_found", "not_in_channel", "is_archived", "restricted_action", "team_access_not_granted");
  private static final Map<String, String> HINTS = Map.of(
      "channel_not_found", "the channel is gone, private without the bot, or in another workspace",
      "not_in_channel", "the bot is not a member of that channel: /invite it there",
      "is_archived", "the channel is archived",
      "restricted_action", "a workspace setting stops the bot posting there",
      "missing_scope", "the app lacks a scope: reinstall it from manifest.yml",
      "msg_too_long", "the reply was too long for Slack",
      "invalid_blocks", "Slack refused the reply's blocks");

  private SlackErrors() {}

  /** The bot's token is wrong, revoked or lacks permission: nothing will work until it is replaced. */
  static boolean tokenRejected(String error) {
    return error != null && TOKEN.contains(error);
  }

  /** The bot cannot post in that conversation (any more); the asker may still be told elsewhere. */
  static boolean conversationUnreachable(String error) {
    return error != null && UNREACHABLE.contains(error);
  }

  /** Logs Slack's refusal of a {@code method} call with {@code error}: token trouble at ERROR, the rest at WARN. */
  static void log(String method, String error) {
    String hint = hint(error);
    if (tokenRejected(error)) {
      log.error("Slack {} answered {}: {}", method, error, hint);
    } else {
      log.warn("Slack {} answered ok=false: {}{}", method, error, hint.isEmpty() ? "" : " (" + hint + ")");
    }
  }

  /** A sentence for the log saying what {@code error} means, or "" when we know nothing more than its code. */
  static String hint(String error) {
    if (tokenRejected(error)) {
      return "Slack rejected the bot token: set SLACK_BOT_TOKEN to the app's current Bot User OAuth Token (xoxb-…)"
          + " and restart";
    }
    return error == null ? "" : HINTS.getOrDefault(error, "");
  }
}
