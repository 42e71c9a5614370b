package dev.storybot.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http will not send: a Content-Length that lies, and a chunked
 * body that never ends. The body is written on another thread while the response is read, since the server may
 * answer (and close) before the body is through.
 */
final class RawHttp {

  private RawHttp() {}

  /**
   * Sends {@code head} (request line and headers, CRLF-separated, without the blank line), then {@code body}
   * chunks, and returns the status code of the response.
   */
  static int send(int port, String head, Iterable<byte[]> body) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
        try {
          for (byte[] chunk : body) out.write(chunk);
          out.flush();
        } catch (IOException e) {
          // The server answered and closed before the body was through: that is the point.
        }
      });
      int status = status(socket.getInputStream());
      writing.cancel(true);
      return status;
    }
  }

  private static int status(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) line.append((char) c);
    String[] parts = line.toString().split(" ");
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("no HTTP status line: " + line);
    return Integer.parseInt(parts[1]);
  }
}
