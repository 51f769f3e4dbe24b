package dev.vera.cli;

import dev.vera.model.Applicability;
import dev.vera.model.Explanation;
import dev.vera.model.NeighbourEvidence;
import dev.vera.model.NeighbourIndex;
import dev.vera.model.SourceEvidence;
import dev.vera.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Verdicts and explanations as text for a person at a terminal. */
final class VerdictText {
  private VerdictText() {}

  static String verdict(Verdict v, Explanation e, String name) {
    name = TerminalText.line(name);
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s %-4s  %s  P(fake) = %.3f  (text alone %.3f; threshold %.3f%s)%n",
            v.label().mark(),
            v.label().wireName(),
            name,
            v.probabilityFake(),
            v.textProbabilityFake(),
            v.threshold(),
            v.usedSource() ? "; source evidence used" : ""));
    sb.append("  base rate: ").append(baseRate(v)).append('\n');
    if (v.applicability() != null) {
      sb.append("  applicability: ").append(applicability(v.applicability())).append('\n');
    }
    sb.append("  source: ").append(source(v.source(), v.usedSource())).append('\n');
    sb.append("  toward fake:     ").append(phrases(e.towardFake())).append('\n');
    sb.append("  toward credible: ").append(phrases(e.towardCredible())).append('\n');
    if (e.neighbours() != null) {
      sb.append("  similar stories: ").append(neighbours(e.neighbours())).append('\n');
    }
    if (e.embedding() != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  sentence embedding (the encoder's reading of the text): %+.2f%n",
              e.embedding()));
    }
    return sb.toString();
  }

  /** The base rate the probability assumes, in words. */
  static String baseRate(Verdict v) {
    return String.format(
        Locale.ROOT,
        "%.0f%% of articles assumed fake (set yours with --base-rate)",
        100 * v.baseRate());
  }

  /** Whether the article is like what the model learned from, in words. */
  static String applicability(Applicability a) {
    String words =
        a.outsideExperience()
            ? "OUTSIDE Vera's experience: unlike the articles it was trained on; trust this verdict less"
            : a.score() < 0.25
                ? "at the edge of what Vera was trained on"
                : "like the articles Vera was trained on";
    return String.format(
        Locale.ROOT,
        "%.2f, %s (more similar to the training data than %.0f%% of its validation articles)",
        a.score(),
        words,
        100 * a.score());
  }

  /** The neighbours' summary: how many of the k were fake, and their weight. */
  static String neighbours(Explanation.NeighbourShare share) {
    NeighbourEvidence n = share.evidence();
    String nearest =
        n.nearest().stream()
            .limit(3)
            .map(
                x ->
                    String.format(
                        Locale.ROOT, "%s %s %.2f", x.label().mark(), story(x, 50), x.similarity()))
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "%d of the %d most similar training articles (other publishers) were fake; %+.2f%s",
        n.fake(),
        n.k(),
        share.weight(),
        nearest.isEmpty() ? "" : "; nearest: " + nearest);
  }

  static String explanation(Verdict v, Explanation e, String name) {
    StringBuilder sb = new StringBuilder(verdict(v, e, TerminalText.line(name)));
    sb.append("\n  Phrases (weight = change in log-odds of fake; title and body are separate):\n");
    for (Explanation.PhraseEvidence p : e.towardFake()) {
      sb.append(phraseLine(p));
    }
    for (Explanation.PhraseEvidence p : e.towardCredible()) {
      sb.append(phraseLine(p));
    }
    if (!e.sentences().isEmpty()) {
      sb.append("\n  Sentences that move P(fake) most (change when the sentence is removed):\n");
      for (Explanation.SentenceEffect s : e.sentences()) {
        sb.append(
            String.format(Locale.ROOT, "    %+.3f  %s%n", s.delta(), shorten(s.sentence(), 110)));
      }
    }
    if (e.neighbours() != null) {
      NeighbourEvidence n = e.neighbours().evidence();
      sb.append(
          String.format(
              Locale.ROOT,
              "%n  Similar training articles (from other publishers; weight %+.3f):%n"
                  + "    %d of the %d nearest were fake; similarity-weighted share of fake %.2f%n",
              e.neighbours().weight(),
              n.fake(),
              n.k(),
              n.weightedFakeShare()));
      for (NeighbourIndex.Neighbour x : n.nearest()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "    %s %-4s %.3f  %s%n",
                x.label().mark(),
                x.label().wireName(),
                x.similarity(),
                story(x, 100)));
        if (x.story().url() != null) {
          sb.append("                     ")
              .append(TerminalText.line(x.story().url()))
              .append('\n');
        }
      }
    }
    sb.append("\n  Style:\n");
    for (Explanation.StyleEvidence s : e.style()) {
      sb.append(
          String.format(
              Locale.ROOT, "    %+7.3f  %-26s = %.3f%n", s.weight(), s.feature(), s.value()));
    }
    return sb.toString();
  }

  private static String phraseLine(Explanation.PhraseEvidence p) {
    return String.format(
        Locale.ROOT,
        "    %+7.3f  %-5s %-30s ×%d%n",
        p.weight(),
        p.part(),
        "\"" + TerminalText.line(p.phrase()) + "\"",
        p.occurrences().size());
  }

  static String source(SourceEvidence s, boolean used) {
    return TerminalText.line(sourceLine(s, used));
  }

  private static String sourceLine(SourceEvidence s, boolean used) {
    String use = used ? "used in the verdict" : "not used (add --use-source)";
    switch (s.basis()) {
      case TRAINING:
        return String.format(
            Locale.ROOT,
            "%s: %.0f%% fake among %d training articles (smoothed); %s",
            s.domain(),
            100 * s.fakeRate(),
            s.trainingArticles(),
            use);
      case RATINGS:
        return String.format(
            Locale.ROOT,
            "%s: unseen in training; rated %s, ≈%.0f%% fake for such ratings; %s",
            s.domain(),
            ratings(s),
            100 * s.fakeRate(),
            use);
      default:
        return s.domain() == null
            ? "no publisher given; nothing known"
            : s.domain() + ": unknown publisher; nothing known";
    }
  }

  /** The published ratings of an outlet, as list=value pairs. */
  private static String ratings(SourceEvidence s) {
    String where =
        s.ratedDomain() == null || s.ratedDomain().equals(s.domain())
            ? ""
            : " (as " + s.ratedDomain() + ")";
    return s.ratings().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue()))
            .collect(Collectors.joining(", "))
        + where;
  }

  private static String phrases(List<Explanation.PhraseEvidence> list) {
    if (list.isEmpty()) {
      return "(none)";
    }
    return list.stream()
        .limit(5)
        .map(
            p ->
                String.format(
                    Locale.ROOT,
                    "%s\"%s\" %+.2f",
                    p.part().equals("title") ? "title:" : "",
                    TerminalText.line(p.phrase()),
                    p.weight()))
        .collect(Collectors.joining(" · "));
  }

  /**
   * A neighbour as a reader can look it up: its title (cut at {@code maxTitle} characters),
   * publisher and date, or, in a model that keeps no titles, its id and publisher.
   */
  static String story(NeighbourIndex.Neighbour x, int maxTitle) {
    NeighbourIndex.Story s = x.story();
    String name =
        s.title() != null
            ? "\u201c" + TerminalText.line(shorten(s.title(), maxTitle)) + "\u201d"
            : x.id() != null ? TerminalText.line(x.id()) : "training article #" + x.doc();
    List<String> about = new ArrayList<>(2);
    if (s.publisher() != null) {
      about.add(TerminalText.line(s.publisher()));
    }
    if (s.date() != null) {
      about.add(s.date().toString());
    }
    return about.isEmpty() ? name : name + " (" + String.join(", ", about) + ")";
  }

  static String shorten(String s, int max) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }
}
