package dev.vera.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.claims.ClaimChecker;
import dev.vera.claims.ClaimsJson;
import dev.vera.fetch.FetchOptions;
import dev.vera.io.ArticleReader;
import dev.vera.io.ReadOutcome;
import dev.vera.model.CredibilityModel;
import dev.vera.model.Explanation;
import dev.vera.model.ScoringOptions;
import dev.vera.output.SeedFormatWriter;
import dev.vera.output.VerdictJson;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vera check}: verdicts for articles in files, directories or standard input. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Judge articles: ✔ credible or ✖ fake, the calibrated probability of fake, and why.",
      "Inputs: the founding format (' date YYYY-MM-DD ✔|✖' then the body), plain text, JSONL"
          + " (id, title, text, date, url, source) or CSV with a header; '-' reads stdin."
    })
public class CheckCommand implements Callable<Integer> {
  /** Output shapes. */
  enum OutputFormat {
    text,
    jsonl,
    seed
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "Files, directories, '-', or http(s) URLs of article pages (fetched).")
  List<String> inputs;

  @Mixin ModelOption model;
  @Mixin InputOptions input;
  @Mixin ScoringOptionsMixin scoring;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "text (default), jsonl (one verdict per input, in order) or seed.")
  OutputFormat format = OutputFormat.text;

  @Option(names = "--explain", description = "Full explanation: phrases, sentences, style.")
  boolean explain;

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "Phrases per direction and sentences to show (default: 5; 10 with --explain).")
  Integer top;

  @Option(
      names = "--allow-private-hosts",
      description =
          "Let URL inputs reach loopback, private, link-local and metadata addresses (refused by"
              + " default).")
  boolean allowPrivateHosts;

  @Mixin ClaimsOptions claims;

  /** Standard input; tests replace it. */
  InputStream stdin = System.in;

  boolean explainAll() {
    return explain;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CredibilityModel m = model.load();
    ScoringOptions options = scoring.toOptions();
    boolean full = explainAll();
    int topK = top != null ? top : full ? 10 : 5;
    int failed = 0;
    int scored = 0;
    FetchOptions fetch = FetchOptions.defaults().withAllowPrivateHosts(allowPrivateHosts);
    ClaimChecker claimChecker = claims.open();
    try (ClaimsOptions claimsToClose = claims;
        ArticleReader reader = UrlInputs.open(inputs, input.readerOptions(err), stdin, fetch)) {
      for (ReadOutcome o = reader.next(); o != null; o = reader.next()) {
        if (o instanceof ReadOutcome.Rejected r) {
          failed++;
          err.println("vera check: " + r.message());
          err.flush();
          if (format == OutputFormat.jsonl) {
            TerminalText.exact(out)
                .println(VerdictJson.mapper().writeValueAsString(VerdictJson.rejected(r)));
          }
          continue;
        }
        ReadOutcome.Parsed p = (ReadOutcome.Parsed) o;
        Article a = p.article();
        Explanation e = m.explain(a, options, topK, full);
        scored++;
        switch (format) {
          case jsonl:
            ObjectNode json = VerdictJson.verdict(e.verdict(), e, p.where());
            if (claimChecker != null) {
              json.set("claims", ClaimsJson.claims(claimChecker.check(a.text())));
            }
            TerminalText.exact(out).println(VerdictJson.mapper().writeValueAsString(json));
            break;
          case seed:
            SeedFormatWriter.write(out, a, e.verdict());
            break;
          default:
            String name = a.id() != null ? a.id() : p.where().toString();
            out.print(
                full
                    ? VerdictText.explanation(e.verdict(), e, name) + "\n"
                    : VerdictText.verdict(e.verdict(), e, name));
            if (claimChecker != null) {
              out.print(ClaimsOptions.text(claimChecker, claimChecker.check(a.text())));
            }
        }
        out.flush();
        TerminalText.exact(out).flush();
      }
    }
    if (failed > 0) {
      err.println(
          "vera check: "
              + failed
              + " record(s) could not be read; "
              + scored
              + " article(s) judged.");
      return VeraCommand.EXIT_SOME_RECORDS_FAILED;
    }
    return VeraCommand.EXIT_OK;
  }
}
