package dev.vera.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Bytes on a socket, for requests no well-behaved client sends: bad framing, stalls, odd headers.
 */
final class RawHttp {
  private RawHttp() {}

  /**
   * Sends {@code head} and {@code body} (then half-closes when {@code close}), and reads the whole
   * answer.
   */
  static String exchange(int port, String head, byte[] body, boolean close, int timeoutMs)
      throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(timeoutMs);
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      if (close) {
        s.shutdownOutput();
      }
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String exchange(int port, String head) throws IOException {
    return exchange(port, head, new byte[0], false, 10_000);
  }

  /** The status code of a raw answer. */
  static int status(String answer) {
    return Integer.parseInt(answer.substring(9, 12));
  }

  static String body(String answer) {
    int at = answer.indexOf("\r\n\r\n");
    return at < 0 ? "" : answer.substring(at + 4);
  }
}
