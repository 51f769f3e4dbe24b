package dev.vera.server;

import dev.vera.io.Sizes;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each request body whole, without a thread, before the request reaches a handler (plugged
 * into Jetty's {@link EagerContentHandler}): a client that sends one byte every two seconds holds a
 * connection, never one of the threads that answer everyone else. The body must arrive within the
 * read deadline ({@code request_read_timeout}; each byte no longer buys another idle timeout) and
 * within the size limit. A body that stalls, ends early or is badly chunked is answered 408 or 400
 * here as a problem, logged in one line and counted as the client's error: it never reaches a
 * handler, so never a 500 with a stack trace.
 */
final class BodyBuffer implements EagerContentHandler.ContentLoaderFactory {
  private static final Logger LOG = LoggerFactory.getLogger(BodyBuffer.class);

  private final long maxBytes;
  private final Duration deadline;
  private final long minRate;
  private final Metrics metrics;

  BodyBuffer(long maxBytes, Duration deadline, long minRate, Metrics metrics) {
    this.maxBytes = maxBytes;
    this.deadline = deadline;
    this.minRate = minRate;
    this.metrics = metrics;
  }

  @Override
  public String getApplicableMimeType() {
    return null; // every content type: the handlers judge the type once the body is here
  }

  @Override
  public EagerContentHandler.ContentLoader newContentLoader(
      String contentType,
      String mimeType,
      Handler handler,
      Request request,
      Response response,
      Callback callback) {
    return new Loader(handler, request, response, callback);
  }

  /** Marks the deadline's failure apart from the idle timeout's and the rate's. */
  private static final class DeadlinePassed extends TimeoutException {
    private static final long serialVersionUID = 1L;

    DeadlinePassed(String message) {
      super(message);
    }
  }

  private final class Loader extends EagerContentHandler.ContentLoader implements Invocable.Task {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final long started = System.nanoTime();
    private Scheduler.Task timer;

    Loader(Handler handler, Request request, Response response, Callback callback) {
      super(handler, request, response, callback);
    }

    @Override
    protected void load() {
      long declared = getRequest().getLength();
      if (declared > maxBytes) {
        refuse(JsonBodies.bodyTooLarge(declared, maxBytes), "declared " + declared + " bytes");
        return;
      }
      // Failing the request's content wakes the pending demand: one path handles every failure.
      timer =
          getRequest()
              .getComponents()
              .getScheduler()
              .schedule(
                  () ->
                      getRequest()
                          .fail(new DeadlinePassed("the whole body did not arrive in time")),
                  deadline.toMillis(),
                  TimeUnit.MILLISECONDS);
      read(false);
    }

    @Override
    public void run() {
      read(true);
    }

    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING;
    }

    private void read(boolean fromDemand) {
      while (true) {
        Content.Chunk chunk = getRequest().read();
        if (chunk == null) {
          getRequest().demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          timer.cancel();
          failed(chunk.getFailure());
          return;
        }
        ByteBuffer b = chunk.getByteBuffer();
        if (body.size() + (long) b.remaining() > maxBytes) {
          chunk.release();
          timer.cancel();
          refuse(JsonBodies.bodyTooLarge(-1, maxBytes), "over " + maxBytes + " bytes");
          return;
        }
        byte[] copy = new byte[b.remaining()];
        b.get(copy);
        body.write(copy, 0, copy.length);
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          timer.cancel();
          if (fromDemand) {
            // Handlers block (scoring waits for its pool): not on the thread that read the bytes.
            getRequest().getContext().execute(this::dispatch);
          } else {
            dispatch();
          }
          return;
        }
        if (tooSlow()) {
          timer.cancel();
          failed(new TimeoutException("read rate too low"));
          return;
        }
      }
    }

    /** Below the minimum rate, averaged from the start, once two seconds have passed. */
    private boolean tooSlow() {
      long elapsed = System.nanoTime() - started;
      return minRate > 0
          && elapsed > 2_000_000_000L
          && body.size() < minRate * elapsed / 1_000_000_000L;
    }

    private void dispatch() {
      byte[] bytes = body.toByteArray();
      handle(new Buffered(getRequest(), bytes), getResponse(), getCallback());
    }

    private void failed(Throwable failure) {
      ApiProblem p;
      if (failure instanceof DeadlinePassed) {
        p =
            new ApiProblem(
                408,
                "request-timeout",
                "Request body too slow",
                "the request body did not arrive within "
                    + deadline.toSeconds()
                    + " s (request_read_timeout)",
                Map.of("limit_name", "request_read_timeout", "limit", deadline.toSeconds()));
      } else if (failure instanceof TimeoutException) {
        p =
            new ApiProblem(
                408,
                "request-timeout",
                "Request body too slow",
                "the request body stalled or arrived slower than "
                    + minRate
                    + " bytes/s (min_request_data_rate); received "
                    + Sizes.describe(body.size()),
                Map.of("limit_name", "min_request_data_rate", "limit", minRate));
      } else if (failure instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
        p =
            new ApiProblem(
                h.getCode(),
                "bad-request-body",
                "Bad request body",
                "the request body is malformed: " + h.getReason());
      } else if (failure instanceof EofException || failure instanceof EOFException) {
        p =
            new ApiProblem(
                400,
                "incomplete-body",
                "Incomplete request body",
                "the request body ended before its declared length (the client closed the connection)");
      } else {
        p =
            new ApiProblem(
                400,
                "bad-request-body",
                "Bad request body",
                "the request body could not be read: " + failure);
      }
      refuse(p, String.valueOf(failure.getMessage()));
    }

    /**
     * Answers the problem (if the client still listens), one log line, one client error counted.
     */
    private void refuse(ApiProblem p, String why) {
      Request r = getRequest();
      // One line, no stack trace: the client's fault, not the server's.
      LOG.warn(
          "{} {} from {}: {} {} ({}; {} bytes received)",
          r.getMethod(),
          Request.getPathInContext(r),
          Request.getRemoteAddr(r),
          p.status(),
          p.title(),
          why,
          body.size());
      metrics.record(JettyProblems.route(r), p.status(), System.nanoTime() - started);
      JettyProblems.write(r, getResponse(), getCallback(), p, true);
    }
  }

  /** The request with its body already read: handlers read these bytes, at once. */
  private static final class Buffered extends Request.Wrapper {
    private Content.Chunk content;

    Buffered(Request request, byte[] bytes) {
      super(request);
      this.content = Content.Chunk.from(ByteBuffer.wrap(bytes), true);
    }

    @Override
    public long getLength() {
      return content == Content.Chunk.EOF ? 0 : content.remaining();
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk c = content;
      content = Content.Chunk.EOF;
      return c;
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }
  }
}
