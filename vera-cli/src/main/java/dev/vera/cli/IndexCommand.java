package dev.vera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.claims.FactCheck;
import dev.vera.claims.FactCheckIndex;
import dev.vera.claims.FactCheckReader;
import dev.vera.claims.MatchMetrics;
import dev.vera.embed.EncoderUnavailableException;
import dev.vera.embed.SentenceEncoder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vera index}: the index of published fact-checks. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Published fact-checks: build the index, measure its matching.",
    subcommands = {IndexCommand.Build.class, IndexCommand.Eval.class})
public final class IndexCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code vera index build}. */
  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description = {
        "Build a Lucene (BM25, English analysis) index of fact-checks from JSONL files:"
            + " ClaimReview-like records {claim, verdict, publisher, url, date[, id, speaker]}"
            + " (PolitiFact's factchecks.jsonl is one) or LIAR statements {id, text, label,"
            + " speaker} (publisher: PolitiFact (LIAR)).",
        "Bad records are reported with file and line and skipped; the build goes on."
      })
  static final class Build implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--factchecks", required = true, arity = "1..*", paramLabel = "FILE", description = "Fact-check JSONL files.")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Index directory (replaced).")
    Path out;

    @Option(
        names = "--no-embeddings",
        description =
            "Leave out the claims' sentence embeddings (BM25 alone; building takes seconds instead"
                + " of about 7 ms of CPU per claim).")
    boolean noEmbeddings;

    @Override
    public Integer call() throws Exception {
      PrintWriter outw = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<FactCheck> records = new ArrayList<>();
      List<ObjectNode> sources = new ArrayList<>();
      int[] problems = {0};
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          throw new IOException("fact-check file not found: " + f);
        }
        int before = problems[0];
        int n =
            FactCheckReader.read(
                f,
                records::add,
                p -> {
                  problems[0]++;
                  err.println("vera index build: " + p);
                });
        ObjectNode s = JSON.createObjectNode();
        s.put("path", f.toString());
        s.put("sha256", dev.vera.io.Sha256.hex(f));
        s.put("records", n);
        s.put("rejected", problems[0] - before);
        sources.add(s);
        outw.printf(Locale.ROOT, "%s: %d fact-checks, %d rejected%n", f, n, problems[0] - before);
      }
      err.flush();
      if (!noEmbeddings && !SentenceEncoder.available()) {
        throw new EncoderUnavailableException(
            "an index with the claims' embeddings (leave them out with --no-embeddings)");
      }
      long t0 = System.nanoTime();
      FactCheckIndex.BuildSummary summary;
      try (TerminalProgress progress = TerminalProgress.forStderr(err, false)) {
        summary =
            FactCheckIndex.build(
                out,
                records,
                sources,
                noEmbeddings ? null : SentenceEncoder.bundled(),
                d -> progress.update("embedding claims", d, records.size()));
      }
      outw.printf(
          Locale.ROOT,
          "Indexed %d fact-checks into %s in %.1f s%n",
          summary.records(),
          out,
          (System.nanoTime() - t0) / 1e9);
      return problems[0] == 0 ? VeraCommand.EXIT_OK : VeraCommand.EXIT_SOME_RECORDS_FAILED;
    }
  }

  /** One gold query: a sentence and the ids of the fact-checks that match it. */
  record GoldQuery(String id, String text, String split, Set<String> relevant) {}

  /** Reads gold pairs {iclaim_id, iclaim, vclaim_id, split} grouped by sentence. */
  static List<GoldQuery> readGold(Path file, PrintWriter err) throws IOException {
    Map<String, GoldQuery> byId = new LinkedHashMap<>();
    int lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (IOException e) {
          err.println("vera index eval: " + file + ":" + lineNo + ": not JSON");
          continue;
        }
        String id = n.path("iclaim_id").asText("");
        String text = n.path("iclaim").asText("");
        String vclaim = n.path("vclaim_id").asText("");
        String split = n.path("split").asText("");
        if (id.isEmpty() || text.isEmpty() || vclaim.isEmpty() || split.isEmpty()) {
          err.println(
              "vera index eval: "
                  + file
                  + ":"
                  + lineNo
                  + ": needs iclaim_id, iclaim, vclaim_id and split");
          continue;
        }
        byId.computeIfAbsent(id, k -> new GoldQuery(id, text, split, new LinkedHashSet<>()))
            .relevant()
            .add(vclaim);
      }
    }
    return new ArrayList<>(byId.values());
  }

  /** {@code vera index eval}. */
  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description = {
        "Measure matching on gold pairs (JSONL: iclaim_id, iclaim, vclaim_id, split), e.g."
            + " ../shared/data/politifact_factchecks/claim_matches.jsonl: MAP@5, recall@1 and"
            + " recall@5 per split for BM25 on the claim, with the headline added at several weights,"
            + " and mixed with the claims' sentence-embedding cosine at several weights, and query"
            + " latency p50/p99 over the index.",
        "Chooses the headline weight, then the embedding weight (MAP@5), then the similarity"
            + " threshold (F1 of shown top hits) on split=valid and records them in the index"
            + " (unless --no-record)."
      })
  static final class Eval implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index.")
    Path index;

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold pairs (JSONL).")
    Path gold;

    @Option(names = "--no-record", description = "Do not record the chosen threshold in the index.")
    boolean noRecord;

    @Option(names = "--rounds", paramLabel = "N", description = "Timed rounds over all gold queries (default: 5).")
    int rounds = 5;

    @Override
    public Integer call() throws Exception {
      PrintWriter outw = spec.commandLine().getOut();
      List<GoldQuery> queries = readGold(gold, spec.commandLine().getErr());
      if (queries.isEmpty()) {
        throw new VeraCommand.UsageException("no gold queries in " + gold);
      }
      double chosen;
      double bestWeight = 0;
      double bestEmbedding = 0;
      try (FactCheckIndex idx = FactCheckIndex.open(index)) {
        outw.printf(Locale.ROOT, "Index %s: %d fact-checks%n", index, idx.size());
        double bestValidMap = -1;
        for (double w : FactCheckIndex.TITLE_WEIGHTS) {
          outw.println(
              w == 0
                  ? "  ranking: BM25 on the claim"
                  : String.format(Locale.ROOT, "  ranking: BM25 on the claim + %.2f x BM25 on the headline", w));
          Map<String, List<MatchMetrics.Ranked>> bySplit = rank(idx, queries, w, 0);
          printSplits(outw, bySplit);
          List<MatchMetrics.Ranked> valid = bySplit.get("valid");
          if (valid == null) {
            throw new VeraCommand.UsageException("no split=valid queries to choose the ranking on");
          }
          double map = MatchMetrics.meanAveragePrecisionAt(valid, 5);
          // A headline weight must earn its place: ties keep the simpler ranking.
          if (map > bestValidMap + 1e-9) {
            bestValidMap = map;
            bestWeight = w;
          }
        }
        outw.printf(
            Locale.ROOT, "  chosen on split=valid (MAP@5): headline weight %.2f%n", bestWeight);
        if (idx.hasEmbeddings()) {
          // With the headline weight chosen, how much the embeddings' cosine should count.
          double bestMixMap = -1;
          for (double e : FactCheckIndex.EMBEDDING_WEIGHTS) {
            if (e == 0) {
              continue; // printed above as the chosen headline weight's own ranking
            }
            outw.printf(
                Locale.ROOT,
                "  ranking: %.2f x BM25 (claim + %.2f x headline, scaled by the best) + %.2f x embedding cosine%n",
                1 - e,
                bestWeight,
                e);
            Map<String, List<MatchMetrics.Ranked>> bySplit = rank(idx, queries, bestWeight, e);
            printSplits(outw, bySplit);
            double map = MatchMetrics.meanAveragePrecisionAt(bySplit.get("valid"), 5);
            if (map > bestMixMap + 1e-9) {
              bestMixMap = map;
              if (map > bestValidMap + 1e-9) {
                bestEmbedding = e;
              }
            }
          }
          outw.printf(
              Locale.ROOT, "  chosen on split=valid (MAP@5): embedding weight %.2f%n", bestEmbedding);
        }
        List<double[]> validTop = new ArrayList<>();
        for (GoldQuery q : queries) {
          if (q.split().equals("valid")) {
            List<FactCheckIndex.Hit> hits = idx.search(q.text(), 1, bestWeight, bestEmbedding);
            validTop.add(
                new double[] {
                  hits.isEmpty() ? Double.NaN : hits.get(0).score(),
                  !hits.isEmpty() && q.relevant().contains(hits.get(0).factCheck().id()) ? 1 : 0
                });
          }
        }
        double[] s = new double[validTop.size()];
        boolean[] c = new boolean[validTop.size()];
        for (int i = 0; i < s.length; i++) {
          s[i] = validTop.get(i)[0];
          c[i] = validTop.get(i)[1] == 1;
        }
        chosen = MatchMetrics.chooseMinScore(s, c);
        outw.printf(
            Locale.ROOT, "  similarity threshold (chosen on split=valid): %.3f%n", chosen);
        List<double[]> timed = new ArrayList<>();
        timed.add(new double[] {0, 0});
        if (bestWeight != 0) {
          timed.add(new double[] {bestWeight, 0});
        }
        if (bestEmbedding != 0) {
          timed.add(new double[] {bestWeight, bestEmbedding});
        }
        for (double[] w : timed) {
          double[] ms = latency(idx, queries, w[0], w[1]);
          outw.printf(
              Locale.ROOT,
              "  query latency, headline weight %.2f, embedding weight %.2f (top 5, %d queries x %d"
                  + " rounds, 1 thread): p50 %.3f ms  p99 %.3f ms%n",
              w[0],
              w[1],
              queries.size(),
              rounds,
              ms[0],
              ms[1]);
        }
      }
      if (!noRecord) {
        FactCheckIndex.writeMinScore(index, chosen, bestWeight, bestEmbedding, gold + " split=valid");
        outw.println(
            "  recorded the headline and embedding weights and the threshold in "
                + index.resolve(FactCheckIndex.MANIFEST));
      }
      return VeraCommand.EXIT_OK;
    }

    private static void printSplits(PrintWriter outw, Map<String, List<MatchMetrics.Ranked>> bySplit) {
      for (String split : List.of("train", "valid", "test")) {
        List<MatchMetrics.Ranked> r = bySplit.get(split);
        if (r == null) {
          continue;
        }
        outw.printf(
            Locale.ROOT,
            "    split=%-6s queries=%-4d MAP@5 %.4f  recall@1 %.4f  recall@5 %.4f%n",
            split,
            r.size(),
            MatchMetrics.meanAveragePrecisionAt(r, 5),
            MatchMetrics.meanRecallAt(r, 1),
            MatchMetrics.meanRecallAt(r, 5));
      }
    }

    private static Map<String, List<MatchMetrics.Ranked>> rank(
        FactCheckIndex idx, List<GoldQuery> queries, double titleWeight, double embeddingWeight) {
      Map<String, List<MatchMetrics.Ranked>> bySplit = new LinkedHashMap<>();
      for (GoldQuery q : queries) {
        List<String> ids =
            idx.search(q.text(), 5, titleWeight, embeddingWeight).stream()
                .map(h -> h.factCheck().id())
                .toList();
        bySplit
            .computeIfAbsent(q.split(), k -> new ArrayList<>())
            .add(new MatchMetrics.Ranked(ids, q.relevant()));
      }
      return bySplit;
    }

    /** p50 and p99 in milliseconds: every gold query, after one warm-up round. */
    private double[] latency(
        FactCheckIndex idx, List<GoldQuery> queries, double titleWeight, double embeddingWeight) {
      for (GoldQuery q : queries) {
        idx.search(q.text(), 5, titleWeight, embeddingWeight);
      }
      long[] nanos = new long[queries.size() * rounds];
      int k = 0;
      for (int round = 0; round < rounds; round++) {
        for (GoldQuery q : queries) {
          long t0 = System.nanoTime();
          idx.search(q.text(), 5, titleWeight, embeddingWeight);
          nanos[k++] = System.nanoTime() - t0;
        }
      }
      Arrays.sort(nanos);
      return new double[] {
        nanos[(int) Math.floor(0.50 * (nanos.length - 1))] / 1e6,
        nanos[(int) Math.floor(0.99 * (nanos.length - 1))] / 1e6
      };
    }
  }
}
