package dev.storybot.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /healthz: 200 with the index's counts once the stories are in, 503 while they load. */
final class HealthServlet extends HttpServlet {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final transient Readiness readiness;

  HealthServlet(Readiness readiness) {
    this.readiness = readiness;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    boolean ready = readiness.ready();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "ok" : "loading");
    if (ready) body.putAll(readiness.health());
    resp.setStatus(ready ? 200 : 503);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    JSON.writeValue(resp.getOutputStream(), body);
  }
}
