package dev.storybot.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** GET /healthz: 200 with the index's story and paragraph counts, 503 while the index is not loaded. */
final class HealthServlet extends HttpServlet {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final transient Supplier<Optional<StorybotServer.Counts>> counts;
  private final transient Supplier<Map<String, Object>> more;

  HealthServlet(Supplier<Optional<StorybotServer.Counts>> counts, Supplier<Map<String, Object>> more) {
    this.counts = counts;
    this.more = more;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<StorybotServer.Counts> now = counts.get();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", now.isPresent() ? "ok" : "loading");
    now.ifPresent(c -> {
      body.put("stories", c.stories());
      body.put("paragraphs", c.paragraphs());
      body.putAll(more.get());
    });
    resp.setStatus(now.isPresent() ? 200 : 503);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    JSON.writeValue(resp.getOutputStream(), body);
  }
}
