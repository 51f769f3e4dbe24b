package dev.vera.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Problems answered below Javalin, at Jetty's level (refused hosts and origins, request bodies that
 * never arrive): the same {@code application/problem+json} as every other error, and each counted
 * in {@link Metrics} under its route.
 */
final class JettyProblems {
  private JettyProblems() {}

  /** Writes {@code p} and completes the request; the connection closes after it. */
  static void write(
      Request request, Response response, Callback callback, ApiProblem p, boolean close) {
    response.setStatus(p.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON);
    p.headers().forEach(response.getHeaders()::put);
    if (close) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    byte[] body = p.toJson().toString().getBytes(StandardCharsets.UTF_8);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** The route a request would reach, as {@link Metrics} names it. */
  static String route(Request request) {
    return request.getMethod() + " " + Request.getPathInContext(request);
  }
}
