package dev.vera.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.claims.ClaimChecker;
import dev.vera.claims.FactCheck;
import dev.vera.claims.FactCheckIndex;
import dev.vera.claims.FactCheckReader;
import dev.vera.claims.GoldMatches;
import dev.vera.claims.MatchEvaluation;
import dev.vera.claims.MatchSettings;
import dev.vera.claims.MatchTuner;
import dev.vera.embed.EncoderUnavailableException;
import dev.vera.embed.SentenceEncoder;
import dev.vera.io.Sha256;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vera index}: the index of published fact-checks. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description =
        "Published fact-checks: build the index, tune its matching on a gold set, measure it.",
    subcommands = {IndexCommand.Build.class, IndexCommand.Tune.class, IndexCommand.Eval.class})
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
        "Bad records are reported with file and line and skipped; the build goes on.",
        "The index records default weights and similarity threshold, chosen on CheckThat! 2021"
            + " 2B (docs/claims.md), so that 'vera check --index DIR' works at once; 'vera index"
            + " tune' chooses them on a gold set of your own."
      })
  static final class Build implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--factchecks",
        required = true,
        arity = "1..*",
        paramLabel = "FILE",
        description = "Fact-check JSONL files.")
    List<Path> files;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "Index directory (replaced).")
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
        s.put("sha256", Sha256.hex(f));
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
      MatchSettings d = MatchSettings.defaults(!noEmbeddings);
      outw.printf(
          Locale.ROOT,
          "  default matching recorded: %s; 'vera index tune' chooses on a gold set of yours%n",
          describe(d));
      return problems[0] == 0 ? VeraCommand.EXIT_OK : VeraCommand.EXIT_SOME_RECORDS_FAILED;
    }
  }

  /** The settings in words, as the commands print them. */
  static String describe(MatchSettings s) {
    return String.format(
        Locale.ROOT,
        "headline weight %.2f, embedding weight %.2f, similarity threshold %.3f",
        s.titleWeight(),
        s.embeddingWeight(),
        s.minScore());
  }

  /** The gold queries of {@code gold}, bad lines reported; refused when there is none. */
  static List<GoldMatches.Query> readGold(Path gold, String command, PrintWriter err)
      throws IOException {
    if (!Files.isRegularFile(gold)) {
      throw new IOException("gold file not found: " + gold);
    }
    List<GoldMatches.Query> queries =
        GoldMatches.read(gold, p -> err.println("vera index " + command + ": " + p));
    err.flush();
    if (queries.isEmpty()) {
      throw new VeraCommand.UsageException("no gold queries in " + gold);
    }
    return queries;
  }

  static void printRanking(PrintWriter outw, Map<String, MatchEvaluation.Ranking> bySplit) {
    bySplit.forEach(
        (split, r) ->
            outw.printf(
                Locale.ROOT,
                "    split=%-6s queries=%-4d MAP@5 %.4f  recall@1 %.4f  recall@5 %.4f%n",
                split,
                r.queries(),
                r.map5(),
                r.recall1(),
                r.recall5()));
  }

  /** Single-threaded top-5 query latency over every gold query, after one warm-up round. */
  static void printLatency(
      PrintWriter outw,
      FactCheckIndex idx,
      List<GoldMatches.Query> queries,
      MatchSettings s,
      int rounds) {
    for (GoldMatches.Query q : queries) {
      idx.search(q.text(), MatchEvaluation.RANKED, s);
    }
    long[] nanos = new long[queries.size() * rounds];
    int k = 0;
    for (int round = 0; round < rounds; round++) {
      for (GoldMatches.Query q : queries) {
        long t0 = System.nanoTime();
        idx.search(q.text(), MatchEvaluation.RANKED, s);
        nanos[k++] = System.nanoTime() - t0;
      }
    }
    Arrays.sort(nanos);
    outw.printf(
        Locale.ROOT,
        "  query latency, headline weight %.2f, embedding weight %.2f (top 5, %d queries x %d"
            + " rounds, 1 thread): p50 %.3f ms  p99 %.3f ms%n",
        s.titleWeight(),
        s.embeddingWeight(),
        queries.size(),
        rounds,
        nanos[(int) Math.floor(0.50 * (nanos.length - 1))] / 1e6,
        nanos[(int) Math.floor(0.99 * (nanos.length - 1))] / 1e6);
  }

  /** {@code vera index tune}. */
  @Command(
      name = "tune",
      mixinStandardHelpOptions = true,
      description = {
        "Choose the index's matching on gold pairs (JSONL: iclaim_id, iclaim, vclaim_id, split),"
            + " e.g. ../shared/data/politifact_factchecks/claim_matches.jsonl, and record it in"
            + " the index: the headline weight, then the weight of the claims' sentence-embedding"
            + " cosine (MAP@5), then the similarity threshold (F1 of shown top hits), each chosen"
            + " on split=valid.",
        "Prints MAP@5, recall@1 and recall@5 per split for every ranking tried, and query latency"
            + " p50/p99. 'vera index eval' measures an index without changing it."
      })
  static final class Tune implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--index",
        required = true,
        paramLabel = "DIR",
        description = "The index (its settings are replaced).")
    Path index;

    @Option(
        names = "--gold",
        required = true,
        paramLabel = "FILE",
        description = "Gold pairs (JSONL).")
    Path gold;

    @Option(
        names = "--rounds",
        paramLabel = "N",
        description = "Timed rounds over all gold queries (default: 5).")
    int rounds = 5;

    @Override
    public Integer call() throws Exception {
      PrintWriter outw = spec.commandLine().getOut();
      List<GoldMatches.Query> queries = readGold(gold, "tune", spec.commandLine().getErr());
      MatchSettings chosen;
      try (FactCheckIndex idx = FactCheckIndex.open(index)) {
        outw.printf(Locale.ROOT, "Index %s: %d fact-checks%n", index, idx.size());
        double title;
        double embedding;
        try {
          title = MatchTuner.chooseTitleWeight(idx, queries, t -> printTrial(outw, t, 0));
          outw.printf(
              Locale.ROOT, "  chosen on split=valid (MAP@5): headline weight %.2f%n", title);
          if (idx.hasEmbeddings()) {
            embedding =
                MatchTuner.chooseEmbeddingWeight(
                    idx, queries, title, t -> printTrial(outw, t, title));
            outw.printf(
                Locale.ROOT, "  chosen on split=valid (MAP@5): embedding weight %.2f%n", embedding);
          } else {
            embedding = 0;
          }
        } catch (IllegalArgumentException e) {
          throw new VeraCommand.UsageException(e.getMessage());
        }
        chosen =
            new MatchSettings(
                title, embedding, MatchTuner.chooseMinScore(idx, queries, title, embedding));
        outw.printf(
            Locale.ROOT,
            "  similarity threshold (chosen on split=valid): %.3f%n",
            chosen.minScore());
        printLatency(outw, idx, queries, new MatchSettings(0, 0, 0), rounds);
        if (title != 0) {
          printLatency(outw, idx, queries, new MatchSettings(title, 0, 0), rounds);
        }
        if (embedding != 0) {
          printLatency(outw, idx, queries, chosen, rounds);
        }
      }
      FactCheckIndex.writeSettings(index, chosen, gold + " split=valid");
      outw.println(
          "  recorded the headline and embedding weights and the threshold in "
              + index.resolve(FactCheckIndex.MANIFEST));
      return VeraCommand.EXIT_OK;
    }

    private static void printTrial(PrintWriter outw, MatchTuner.Trial t, double chosenTitle) {
      if (t.embeddingWeight() == 0) {
        outw.println(
            t.titleWeight() == 0
                ? "  ranking: BM25 on the claim"
                : String.format(
                    Locale.ROOT,
                    "  ranking: BM25 on the claim + %.2f x BM25 on the headline",
                    t.titleWeight()));
      } else {
        outw.printf(
            Locale.ROOT,
            "  ranking: %.2f x BM25 (claim + %.2f x headline, scaled by the best) + %.2f x"
                + " embedding cosine%n",
            1 - t.embeddingWeight(),
            chosenTitle,
            t.embeddingWeight());
      }
      printRanking(outw, t.bySplit());
      outw.flush();
    }
  }

  /** {@code vera index eval}. */
  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description = {
        "Measure the index as it is, on gold pairs (JSONL: iclaim_id, iclaim, vclaim_id, split),"
            + " e.g. ../shared/data/politifact_factchecks/claim_matches.jsonl; changes nothing.",
        "Per split, with the index's recorded weights and threshold: MAP@5, recall@1 and"
            + " recall@5; the top hits the threshold shows (precision, recall, F1); what 'vera"
            + " check --index' reports for the gold sentences (with the check-worthiness model);"
            + " and query latency p50/p99."
      })
  static final class Eval implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index.")
    Path index;

    @Option(
        names = "--gold",
        required = true,
        paramLabel = "FILE",
        description = "Gold pairs (JSONL).")
    Path gold;

    @Option(
        names = "--claims-model",
        paramLabel = "MODEL",
        description = "Check-worthiness model (default: $VERA_CLAIMS_MODEL, else the bundled one).")
    @Nullable Path claimsModel;

    @Option(
        names = "--rounds",
        paramLabel = "N",
        description = "Timed rounds over all gold queries (default: 5).")
    int rounds = 5;

    @Override
    public Integer call() throws Exception {
      PrintWriter outw = spec.commandLine().getOut();
      List<GoldMatches.Query> queries = readGold(gold, "eval", spec.commandLine().getErr());
      try (FactCheckIndex idx = FactCheckIndex.open(index)) {
        MatchSettings s = idx.settings();
        if (s == null) {
          throw new VeraCommand.UsageException(
              index
                  + " has no similarity threshold (built by an older Vera): rebuild it with"
                  + " 'vera index build' or tune it with 'vera index tune'");
        }
        outw.printf(Locale.ROOT, "Index %s: %d fact-checks%n", index, idx.size());
        outw.printf(Locale.ROOT, "  matching: %s (%s)%n", describe(s), idx.settingsChosenOn());
        outw.println("  ranking:");
        printRanking(
            outw, MatchEvaluation.ranking(idx, queries, s.titleWeight(), s.embeddingWeight()));
        outw.printf(Locale.ROOT, "  top hits shown at the threshold %.3f:%n", s.minScore());
        MatchEvaluation.shownTopHits(idx, queries, s)
            .forEach(
                (split, h) ->
                    outw.printf(
                        Locale.ROOT,
                        "    split=%-6s queries=%-4d shown %-4d correct %-4d precision %.4f  recall %.4f  F1 %.4f%n",
                        split,
                        h.queries(),
                        h.shown(),
                        h.correct(),
                        h.precision(),
                        h.recall(),
                        h.f1()));
        ClaimChecker checker = new ClaimChecker(ClaimsCommand.load(claimsModel), idx, null);
        outw.printf(
            Locale.ROOT,
            "  reported by 'vera check --index' with a gold fact-check (check-worthiness model %s,"
                + " cut %.3f):%n",
            checker.model().card().modelId(),
            checker.model().threshold());
        MatchEvaluation.reported(checker, queries)
            .forEach(
                (split, r) ->
                    outw.printf(
                        Locale.ROOT,
                        "    split=%-6s queries=%-4d reported %-4d of them under the check-worthiness cut %d%n",
                        split,
                        r.queries(),
                        r.found(),
                        r.foundBelowCut()));
        printLatency(outw, idx, queries, s, rounds);
      }
      return VeraCommand.EXIT_OK;
    }
  }
}
