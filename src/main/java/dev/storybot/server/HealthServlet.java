package dev.storybot.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /healthz: 503 "loading" while the stories load; then 200 with the index's counts, "ok" — or "degraded" while
 * Slack fails to take replies (they are held and retried: restarting would not help, so it stays 200); 503
 * "unavailable" when the stories cannot be read (a search engine that does not answer).
 */
final class HealthServlet extends HttpServlet {

  private static final Logger log = LoggerFactory.getLogger(HealthServlet.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final transient Readiness readiness;

  HealthServlet(Readiness readiness) {
    this.readiness = readiness;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    boolean ready = readiness.ready();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", !ready ? "loading" : readiness.degraded() ? "degraded" : "ok");
    int status = ready ? 200 : 503;
    if (ready) {
      try {
        body.putAll(readiness.health());
      } catch (RuntimeException e) {
        log.warn("Health check: the stories cannot be read: {}", e.toString());
        body.put("status", "unavailable");
        body.put("error", "the stories cannot be read; the log says why");
        status = 503;
      }
    }
    resp.setStatus(status);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    JSON.writeValue(resp.getOutputStream(), body);
  }
}
