package dev.vera.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Label;
import dev.vera.output.VerdictJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a scan found: how many articles were judged credible and fake and how many records failed,
 * the histogram of P(fake), and per publisher domain how many articles and how many judged fake.
 * Built from the verdicts as they are written, and on resume from the durable part of the output,
 * so it always describes the whole output. Not thread-safe: the writer alone adds to it.
 */
public final class ScanSummary {
  /** Bins of width 0.05 over [0, 1]. */
  public static final int BINS = 20;

  /** A source needs this many articles to be ranked by its share of fake verdicts. */
  public static final int MIN_SOURCE_ARTICLES = 20;

  /** How many sources the ranking lists. */
  public static final int TOP_SOURCES = 15;

  private long credible;
  private long fake;
  private long failed;
  private long assessed;
  private long outsideExperience;
  private final long[] histogram = new long[BINS];
  private final Map<String, long[]> sources = new HashMap<>();

  /** A publisher's articles and how many of them were judged fake. */
  public record SourceShare(String domain, long articles, long fake) {
    public double fakeShare() {
      return articles == 0 ? 0 : (double) fake / articles;
    }
  }

  /**
   * Counts one verdict.
   *
   * @param outside whether the article was flagged outside the model's experience, or null when the
   *     model cannot tell
   */
  void addVerdict(
      Label label, double probabilityFake, @Nullable String domain, @Nullable Boolean outside) {
    if (outside != null) {
      assessed++;
      if (outside) {
        outsideExperience++;
      }
    }
    if (label == Label.FAKE) {
      fake++;
    } else {
      credible++;
    }
    histogram[bin(probabilityFake)]++;
    if (domain != null) {
      long[] c = sources.computeIfAbsent(domain, d -> new long[2]);
      c[0]++;
      if (label == Label.FAKE) {
        c[1]++;
      }
    }
  }

  /** Adds a verdict line as the scan writes it (the {@code vera check --format jsonl} shape). */
  void addVerdict(JsonNode verdict) {
    JsonNode domain = verdict.path("source").path("domain");
    JsonNode outside = verdict.path("applicability").path("outside_experience");
    addVerdict(
        "fake".equals(verdict.path("label").asText()) ? Label.FAKE : Label.REAL,
        verdict.path("probability_fake").asDouble(),
        domain.isTextual() ? domain.asText() : null,
        outside.isBoolean() ? outside.asBoolean() : null);
  }

  void addFailure() {
    failed++;
  }

  /** Counts the verdicts and failures already in a scan's output and errors files. */
  void addWritten(Path output, Path errors) throws IOException {
    if (!Files.exists(output) || !Files.exists(errors)) {
      return; // nothing was written (a complete scan of nothing, or files removed since)
    }
    ObjectMapper json = VerdictJson.mapper();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(output), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        addVerdict(json.readTree(line));
      }
    }
    try (BufferedReader r = Files.newBufferedReader(errors, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        addFailure();
      }
    }
  }

  static int bin(double p) {
    return Math.max(0, Math.min(BINS - 1, (int) Math.floor(p * BINS)));
  }

  public long credible() {
    return credible;
  }

  public long fake() {
    return fake;
  }

  public long failed() {
    return failed;
  }

  /** Verdicts flagged outside the model's experience (unlike anything it was trained on). */
  public long outsideExperience() {
    return outsideExperience;
  }

  /** Verdicts whose applicability the model could assess (all, for models that measure it). */
  public long assessed() {
    return assessed;
  }

  /** Every record: judged or failed. */
  public long records() {
    return credible + fake + failed;
  }

  /** Counts of P(fake) in {@link #BINS} equal bins over [0, 1] (1.0 falls in the last). */
  public long[] histogram() {
    return histogram.clone();
  }

  /**
   * The sources with at least {@link #MIN_SOURCE_ARTICLES} articles, by share of fake verdicts
   * (then by count, then by name), at most {@link #TOP_SOURCES}.
   */
  public List<SourceShare> topFakeSources() {
    List<SourceShare> all = new ArrayList<>();
    for (Map.Entry<String, long[]> e : sources.entrySet()) {
      if (e.getValue()[0] >= MIN_SOURCE_ARTICLES) {
        all.add(new SourceShare(e.getKey(), e.getValue()[0], e.getValue()[1]));
      }
    }
    all.sort(
        Comparator.comparingDouble(SourceShare::fakeShare)
            .reversed()
            .thenComparing(Comparator.comparingLong(SourceShare::articles).reversed())
            .thenComparing(SourceShare::domain));
    return List.copyOf(all.subList(0, Math.min(TOP_SOURCES, all.size())));
  }

  /** The summary as JSON (snake_case, like every other Vera JSON). */
  public ObjectNode toJson() {
    ObjectNode n = VerdictJson.mapper().createObjectNode();
    n.put("records", records());
    n.put("credible", credible);
    n.put("fake", fake);
    n.put("failed", failed);
    n.put("outside_experience", outsideExperience);
    n.put("applicability_assessed", assessed);
    ArrayNode bins = n.putArray("histogram");
    for (int i = 0; i < BINS; i++) {
      bins.addObject()
          .put("from", (double) i / BINS)
          .put("to", (double) (i + 1) / BINS)
          .put("count", histogram[i]);
    }
    n.put("min_source_articles", MIN_SOURCE_ARTICLES);
    ArrayNode top = n.putArray("top_fake_sources");
    for (SourceShare s : topFakeSources()) {
      top.addObject()
          .put("domain", s.domain())
          .put("articles", s.articles())
          .put("fake", s.fake())
          .put("fake_share", Math.round(s.fakeShare() * 1e4) / 1e4);
    }
    return n;
  }
}
