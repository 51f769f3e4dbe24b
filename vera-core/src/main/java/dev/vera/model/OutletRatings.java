package dev.vera.model;

import dev.vera.article.Article;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Published ratings of news outlets, by domain: evidence about a source for outlets a model never
 * saw in training, never a reading of an article. Each list maps domains to a number:
 *
 * <ul>
 *   <li>{@link Kind#CLASSES}: a few reliability classes (e.g. 1 reliable, 0 mixed, -1 unreliable;
 *       {@code domain,reliability_label} or {@code domain,rating});
 *   <li>{@link Kind#SCORE}: a continuous quality score (e.g. Lin et al.'s {@code domain,pc1} in [0,
 *       1]);
 *   <li>{@link Kind#FACTUAL}: Media Bias/Fact Check's factual-reporting grade, VERY LOW (0) to VERY
 *       HIGH (5) ({@code domain,factual_reporting}).
 * </ul>
 *
 * @param lists the lists, in the order given
 */
public record OutletRatings(List<RatingList> lists) {

  /** How a list's numbers are read. */
  public enum Kind {
    CLASSES,
    SCORE,
    FACTUAL;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String s) {
      return valueOf(s.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * One published list.
   *
   * @param name its name (the file's name without extension)
   * @param kind how its numbers are read
   * @param values domain (lower case, no {@code www.}) to number
   */
  public record RatingList(String name, Kind kind, Map<String, Double> values) {
    public RatingList {
      values = Map.copyOf(values);
    }
  }

  /** No ratings. */
  public static final OutletRatings NONE = new OutletRatings(List.of());

  public OutletRatings {
    lists = List.copyOf(lists);
  }

  /** Whether any list is given. */
  public boolean isEmpty() {
    return lists.isEmpty();
  }

  /**
   * The ratings of a domain in every list: each list is looked up under the domain, then its parent
   * domains ({@code news.bbc.co.uk}, {@code bbc.co.uk}); null values for lists that do not rate it.
   *
   * @return one value per list (null where unrated), or null when no list rates the domain
   */
  public @Nullable Match lookup(@Nullable String domain) {
    if (domain == null || lists.isEmpty()) {
      return null;
    }
    Double[] values = new Double[lists.size()];
    String rated = null;
    for (int i = 0; i < lists.size(); i++) {
      String d = domain;
      while (true) {
        Double v = lists.get(i).values().get(d);
        if (v != null) {
          values[i] = v;
          if (rated == null) {
            rated = d;
          }
          break;
        }
        int dot = d.indexOf('.');
        if (dot < 0 || d.indexOf('.', dot + 1) < 0) {
          break;
        }
        d = d.substring(dot + 1);
      }
    }
    return rated == null ? null : new Match(values, rated);
  }

  /**
   * A domain's ratings.
   *
   * @param values one per list, null where the list does not rate it
   * @param ratedDomain the first domain (the domain or a parent) a list rated
   */
  public record Match(@Nullable Double[] values, String ratedDomain) {
    /** The ratings by list name, for reports. */
    public Map<String, Double> byName(OutletRatings ratings) {
      Map<String, Double> out = new LinkedHashMap<>();
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          out.put(ratings.lists().get(i).name(), values[i]);
        }
      }
      return out;
    }
  }

  /**
   * The inputs of the rating model ({@link SourceReputation}) for a match: per list of classes, one
   * indicator per class; per list of scores or grades, the value and an indicator that it is
   * present. All zero where a list does not rate the domain.
   */
  public double[] features(@Nullable Match match) {
    List<Double> f = new ArrayList<>();
    for (int i = 0; i < lists.size(); i++) {
      RatingList l = lists.get(i);
      Double v = match == null ? null : match.values()[i];
      if (l.kind() == Kind.CLASSES) {
        for (double c : classes(l)) {
          f.add(v != null && v == c ? 1.0 : 0.0);
        }
      } else {
        double scale = l.kind() == Kind.FACTUAL ? 5.0 : 1.0;
        f.add(v == null ? 0.0 : v / scale);
        f.add(v == null ? 0.0 : 1.0);
      }
    }
    double[] out = new double[f.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.get(i);
    }
    return out;
  }

  /** The distinct classes of a list of classes, ascending. */
  private static List<Double> classes(RatingList l) {
    return new ArrayList<>(new TreeSet<>(l.values().values()));
  }

  /** The publisher domain an article is looked up under. */
  public static @Nullable String domainOf(Article a) {
    return SourceReputation.publisherOf(a);
  }

  /**
   * Reads a ratings list; its kind is told by its columns.
   *
   * @throws IOException naming the file when it has none of the known column sets
   */
  public static RatingList read(Path csv) throws IOException {
    String file = csv.getFileName().toString();
    String name = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
    Map<String, Double> values = new TreeMap<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser p =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      List<String> header = p.getHeaderNames();
      Kind kind;
      String column;
      if (header.contains("pc1")) {
        kind = Kind.SCORE;
        column = "pc1";
      } else if (header.contains("factual_reporting")) {
        kind = Kind.FACTUAL;
        column = "factual_reporting";
      } else if (header.contains("reliability_label") || header.contains("rating")) {
        kind = Kind.CLASSES;
        column = header.contains("rating") ? "rating" : "reliability_label";
      } else {
        throw new IOException(
            csv
                + ": a ratings list needs a 'domain' column and one of 'pc1', 'factual_reporting',"
                + " 'reliability_label' or 'rating'; it has "
                + header);
      }
      if (!header.contains("domain")) {
        throw new IOException(csv + ": a ratings list needs a 'domain' column; it has " + header);
      }
      for (CSVRecord rec : p) {
        if (!rec.isConsistent()) {
          continue;
        }
        String domain = Article.domainOf(rec.get("domain"));
        Double v = value(kind, rec.get(column).strip());
        if (domain != null && v != null) {
          values.putIfAbsent(domain, v);
        }
      }
      return new RatingList(name, kind, values);
    }
  }

  private static @Nullable Double value(Kind kind, String raw) {
    switch (kind) {
      case CLASSES:
        return raw.matches("-?[01]") ? Double.parseDouble(raw) : null;
      case SCORE:
        try {
          double d = Double.parseDouble(raw);
          return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
          return null;
        }
      default:
        return switch (raw.toUpperCase(Locale.ROOT)) {
          case "VERY LOW" -> 0.0;
          case "LOW" -> 1.0;
          case "MIXED" -> 2.0;
          case "MOSTLY FACTUAL" -> 3.0;
          case "HIGH" -> 4.0;
          case "VERY HIGH" -> 5.0;
          default -> null;
        };
    }
  }
}
