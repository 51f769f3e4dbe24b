package dev.vera.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.output.VerdictJson;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts, error counts and latency histograms per route, kept in memory since start.
 * Buckets are cumulative ({@code le}: at most that many milliseconds), as Prometheus reads them.
 * Requests refused for their token are counted apart as well, by reason.
 */
final class Metrics {
  static final double[] BUCKETS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};

  private final long startedNanos = System.nanoTime();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final Map<AuthRefusal, LongAdder> auth = new EnumMap<>(AuthRefusal.class);

  /** Why a request that needed an analyst's token was refused. */
  enum AuthRefusal {
    /** No {@code Authorization: Bearer} token (401). */
    MISSING_TOKEN,
    /** A token that is no analyst's (401): a failed attempt, counted toward the address's limit. */
    INVALID_TOKEN,
    /** The address sent too many wrong tokens lately (429). */
    RATE_LIMITED
  }

  Metrics() {
    for (AuthRefusal r : AuthRefusal.values()) {
      auth.put(r, new LongAdder()); // filled once: read concurrently, never changed
    }
  }

  void authRefused(AuthRefusal reason) {
    auth.get(reason).increment();
  }

  private static final class Route {
    final LongAdder requests = new LongAdder();
    final LongAdder clientErrors = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    final AtomicLongArray buckets = new AtomicLongArray(BUCKETS_MS.length + 1);
    final LongAdder sumMicros = new LongAdder();
  }

  void record(String route, int status, long nanos) {
    Route r = routes.computeIfAbsent(route, k -> new Route());
    r.requests.increment();
    if (status >= 500) {
      r.serverErrors.increment();
    } else if (status >= 400) {
      r.clientErrors.increment();
    }
    r.byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
    double ms = nanos / 1e6;
    int b = 0;
    while (b < BUCKETS_MS.length && ms > BUCKETS_MS[b]) {
      b++;
    }
    r.buckets.incrementAndGet(b);
    r.sumMicros.add(nanos / 1000);
  }

  ObjectNode toJson() {
    ObjectNode n = VerdictJson.mapper().createObjectNode();
    n.put("uptime_seconds", (System.nanoTime() - startedNanos) / 1_000_000_000L);
    long total = 0;
    long errors = 0;
    ObjectNode out = n.putObject("routes");
    for (Map.Entry<String, Route> e : new TreeMap<>(routes).entrySet()) {
      Route r = e.getValue();
      ObjectNode o = out.putObject(e.getKey());
      long requests = r.requests.sum();
      total += requests;
      errors += r.clientErrors.sum() + r.serverErrors.sum();
      o.put("requests", requests);
      o.put("client_errors", r.clientErrors.sum());
      o.put("server_errors", r.serverErrors.sum());
      ObjectNode statuses = o.putObject("status");
      new TreeMap<>(r.byStatus).forEach((s, c) -> statuses.put(String.valueOf(s), c.sum()));
      ObjectNode latency = o.putObject("latency_ms");
      latency.put("count", requests);
      latency.put("sum", r.sumMicros.sum() / 1000.0);
      ArrayNode buckets = latency.putArray("buckets");
      long cumulative = 0;
      for (int i = 0; i <= BUCKETS_MS.length; i++) {
        cumulative += r.buckets.get(i);
        ObjectNode b = buckets.addObject();
        if (i < BUCKETS_MS.length) {
          b.put("le", BUCKETS_MS[i]);
        } else {
          b.put("le", "+Inf");
        }
        b.put("count", cumulative);
      }
    }
    n.put("requests_total", total);
    n.put("errors_total", errors);
    ObjectNode refused = n.putObject("auth_refused");
    auth.forEach((r, c) -> refused.put(r.name().toLowerCase(Locale.ROOT), c.sum()));
    return n;
  }
}
