package dev.storybot.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.storybot.config.Config;
import dev.storybot.config.ConfigException;
import java.io.IOException;

/**
 * Why the bot could not start with Slack, in words an operator can act on. Bolt reports a Slack it cannot reach and a
 * token Slack refuses alike ("The token is invalid"), dropping the cause; asking auth.test once more tells them
 * apart: no connection, an HTTP error (SLACK_API_URL is not a Web API), or Slack's own error code for the token.
 */
final class StartFailure {

  private StartFailure() {}

  static ConfigException explain(Slack slack, String token, String apiUrl, IllegalArgumentException bolt) {
    try {
      AuthTestResponse r = slack.methods(token).authTest(req -> req);
      if (r.isOk()) {
        return new ConfigException("Slack's Web API at " + apiUrl + " failed at start (" + bolt.getMessage() + ") but"
            + " answered the next try: start again, and check " + Config.SLACK_API_URL + " and the network if it"
            + " happens again");
      }
      return rejected(apiUrl, r.getError());
    } catch (SlackApiException e) {
      return new ConfigException("Slack's Web API at " + apiUrl + " answered auth.test with HTTP "
          + e.getResponse().code() + ": check " + Config.SLACK_API_URL + " (unset, it is "
          + Config.DEFAULT_SLACK_API_URL + "; a proxy must pass the Web API's paths through)");
    } catch (IOException e) {
      return new ConfigException("cannot reach Slack's Web API at " + apiUrl + " (" + e.getMessage() + "): check "
          + Config.SLACK_API_URL + " (unset, it is " + Config.DEFAULT_SLACK_API_URL + "), the network, and any proxy"
          + " or firewall between here and Slack");
    }
  }

  private static ConfigException rejected(String apiUrl, String error) {
    return new ConfigException("Slack did not accept " + Config.SLACK_BOT_TOKEN + " (" + error + ") at " + apiUrl
        + ": check the Bot User OAuth Token (xoxb-…) on your app's \"OAuth & Permissions\" page, and that the app is"
        + " installed in the workspace");
  }
}
