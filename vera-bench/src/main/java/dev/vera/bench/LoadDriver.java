package dev.vera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.output.VerdictJson;
import dev.vera.server.VeraServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load test for a running {@code vera serve}: {@code POST /api/v1/check} with real
 * GossipCop articles (or synthetic ones of the same length), over 127.0.0.1 only, from a few
 * keep-alive connections; prints requests per second and latency percentiles. Run by {@code
 * vera-bench/load.sh}; not part of the server's jar.
 *
 * <pre>
 * java -cp vera.jar:vera-bench.jar dev.vera.bench.LoadDriver --port 8080 [--requests 5000] [--warmup 1000]
 *     [--concurrency 4] [--articles ../shared/data/gossipcop/articles.jsonl]
 *     [--explain | --no-reasons]
 * </pre>
 */
public final class LoadDriver {
  private static final int MAX_REQUESTS = 200_000;
  private static final int MAX_CONCURRENCY = 64;
  private static final int MAX_ARTICLES = 2_000;

  private LoadDriver() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the load test; the exit status: 0 when every request succeeded, 1 when not, 2 on usage.
   */
  static int run(String[] args, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    int port = 8080;
    int requests = 5_000;
    int warmup = 1_000;
    int concurrency = 4;
    boolean explain = false;
    boolean reasons = true;
    Path articles = Path.of("../shared/data/gossipcop/articles.jsonl");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
        case "--articles" -> articles = Path.of(args[++i]);
        case "--explain" -> explain = true;
        case "--no-reasons" -> reasons = false;
        default -> {
          err.println("LoadDriver: unknown argument " + args[i]);
          return 2;
        }
      }
    }
    if (requests < 1 || requests > MAX_REQUESTS || warmup < 0 || warmup > MAX_REQUESTS) {
      err.println("LoadDriver: --requests and --warmup must lie in 1.." + MAX_REQUESTS);
      return 2;
    }
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      err.println("LoadDriver: --concurrency must lie in 1.." + MAX_CONCURRENCY);
      return 2;
    }
    List<byte[]> bodies = bodies(articles, explain, reasons, out);
    // Loopback only: this tool must never be pointed at someone else's server.
    URI uri = URI.create("http://127.0.0.1:" + port + VeraServer.API + "/check");
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    if (warmup > 0) {
      drive(client, uri, bodies, warmup, concurrency, err);
    }
    Result r = drive(client, uri, bodies, requests, concurrency, err);
    long[] lat = r.latencies;
    Arrays.sort(lat);
    out.printf(
        Locale.ROOT,
        "POST /api/v1/check%s: %d requests (after %d warm-up), %d connections, %d errors%n",
        explain ? " (explain=true)" : reasons ? "" : " (reasons=false)",
        requests,
        warmup,
        concurrency,
        r.errors);
    out.printf(
        Locale.ROOT,
        "  throughput %.0f requests/s; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        requests / (r.nanos / 1e9),
        pct(lat, 0.50),
        pct(lat, 0.90),
        pct(lat, 0.99),
        lat[lat.length - 1] / 1e6);
    return r.errors == 0 ? 0 : 1;
  }

  private record Result(long[] latencies, long nanos, int errors) {}

  private static Result drive(
      HttpClient client,
      URI uri,
      List<byte[]> bodies,
      int requests,
      int concurrency,
      PrintStream err)
      throws InterruptedException {
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong firstError = new AtomicLong(-1);
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < concurrency; t++) {
      Thread th =
          new Thread(
              () -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                  HttpRequest req =
                      HttpRequest.newBuilder(uri)
                          .timeout(Duration.ofSeconds(30))
                          .header("Content-Type", "application/json")
                          .POST(
                              HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size())))
                          .build();
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<byte[]> resp =
                        client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    if (resp.statusCode() != 200) {
                      errors.incrementAndGet();
                      firstError.compareAndSet(-1, resp.statusCode());
                    }
                  } catch (IOException e) {
                    errors.incrementAndGet();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  latencies[i] = System.nanoTime() - t0;
                }
              },
              "load-" + t);
      th.start();
      threads.add(th);
    }
    for (Thread th : threads) {
      th.join();
    }
    long nanos = System.nanoTime() - start;
    if (firstError.get() > 0) {
      err.println("LoadDriver: first failing status " + firstError.get());
    }
    return new Result(latencies, nanos, errors.get());
  }

  private static double pct(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
    return sorted[i] / 1e6;
  }

  /** Request bodies from the corpus (test part first), else synthetic GossipCop-length texts. */
  private static List<byte[]> bodies(
      Path articles, boolean explain, boolean reasons, PrintStream out) throws IOException {
    List<byte[]> bodies = new ArrayList<>();
    long chars = 0;
    if (Files.isRegularFile(articles)) {
      try (BufferedReader r = Files.newBufferedReader(articles, StandardCharsets.UTF_8)) {
        for (String line = r.readLine();
            line != null && bodies.size() < MAX_ARTICLES;
            line = r.readLine()) {
          JsonNode n = VerdictJson.mapper().readTree(line);
          String text = n.path("text").asText("");
          if (text.isBlank() || !n.path("split").asText("").equals("test")) {
            continue;
          }
          ObjectNode b = VerdictJson.mapper().createObjectNode();
          b.put("title", n.path("title").asText(""));
          b.put("text", text);
          if (n.hasNonNull("url")) {
            b.put("url", n.get("url").asText());
          }
          b.put("explain", explain);
          if (!reasons) {
            b.put("reasons", false);
          }
          chars += text.length() + n.path("title").asText("").length();
          bodies.add(b.toString().getBytes(StandardCharsets.UTF_8));
        }
      }
      out.printf(
          Locale.ROOT,
          "articles: %d from %s (test split), mean %d characters%n",
          bodies.size(),
          articles,
          bodies.isEmpty() ? 0 : chars / bodies.size());
    }
    if (bodies.isEmpty()) {
      String sentence =
          "A source close to the star says the couple have been living apart for months, and"
              + " insiders claim the split was kept quiet until the film came out. ";
      for (int i = 0; i < 200; i++) {
        ObjectNode b = VerdictJson.mapper().createObjectNode();
        b.put("title", "Star couple split rumours, part " + i);
        b.put("text", sentence.repeat(20) + " Article number " + i + ".");
        b.put("explain", explain);
        if (!reasons) {
          b.put("reasons", false);
        }
        bodies.add(b.toString().getBytes(StandardCharsets.UTF_8));
      }
      out.println(
          "articles: 200 synthetic (about 3,000 characters; no corpus at " + articles + ")");
    }
    return bodies;
  }
}
