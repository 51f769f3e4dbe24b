package dev.vera.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own answers (a request it cannot parse: 400, a URI or headers too long: 414, 431, an HTTP
 * version it does not speak: 505) in the API's {@code application/problem+json}, like every other
 * error, instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

  static ApiProblem problem(int status, String message) {
    String title = HttpStatus.getMessage(status);
    String detail = message == null || message.isBlank() ? title : message;
    return new ApiProblem(status, "http-" + status, title, detail);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    JettyProblems.write(request, response, callback, problem(code, message), false);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON);
    return ByteBuffer.wrap(
        problem(status, reason).toJson().toString().getBytes(StandardCharsets.UTF_8));
  }
}
