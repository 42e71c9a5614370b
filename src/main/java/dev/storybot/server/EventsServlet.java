package dev.storybot.server;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Bolt's servlet, closed with 503 while the index loads: Slack re-delivers events it could not hand over,
 * so a question asked during start-up is answered once the stories are in.
 */
final class EventsServlet extends SlackAppServlet {

  /** Seconds a client should wait before trying again while the index loads. */
  static final String RETRY_AFTER_SECONDS = "30";
  private final transient BooleanSupplier ready;

  EventsServlet(App app, BooleanSupplier ready) {
    super(app);
    this.ready = ready;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!ready.getAsBoolean()) {
      resp.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      resp.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      resp.setContentType("application/json");
      resp.getWriter().write("{\"error\":\"the stories are still loading\"}");
      return;
    }
    super.doPost(req, resp);
  }
}
