package dev.vera.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vera.article.Article;
import dev.vera.article.Label;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A small, deterministic, labelled corpus of synthetic news articles for tests: fake ones written
 * in tabloid style ("an insider", "shocking", "allegedly", exclamation marks, "a source close to"),
 * credible ones in wire-service style ("said in a statement", "according to court documents",
 * dates). Both draw on the same celebrities, places and topics; a sixth of the sentences are
 * neutral and another sixth come from the other style, a fifth of the titles are neutral, and about
 * one article in sixteen is written wholly in the other style. The classes overlap, so a model has
 * to weigh evidence rather than spot one word: a small model reaches a test macro-F1 around 0.8,
 * not 1.
 *
 * <p>Layout (exact, so tests can assert counts): article {@code i} (0-based) is fake when {@code i
 * % 5 < 2}, so 40% are fake; its {@code split} is {@code train} for groups {@code (i / 5) % 5} of
 * 0–2, {@code valid} for 3 and {@code test} for 4. With the default 200 articles that is 120 train
 * (48 fake), 40 valid (16 fake), 40 test (16 fake). Publisher domains lean to one class but are not
 * pure.
 *
 * <p>Everything comes from one {@code new Random(seed)}, whose algorithm Java specifies, so the
 * corpus is the same on every JVM. {@code main(path)} writes it as JSONL; vera-cli's tests use a
 * committed copy ({@code vera-cli/src/test/resources/fixture/corpus.jsonl}) that {@code
 * FixtureCorpusTest} keeps in step with this class.
 */
public final class FixtureCorpus {
  /** The seed of {@link #articles()}. */
  public static final long SEED = 20_240_611L;

  /** The number of articles of {@link #articles()}. */
  public static final int SIZE = 200;

  /** The split field written into every article. */
  public static final String SPLIT_FIELD = "split";

  public static final int TRAIN = 120;
  public static final int TRAIN_FAKE = 48;
  public static final int VALID = 40;
  public static final int VALID_FAKE = 16;
  public static final int TEST = 40;
  public static final int TEST_FAKE = 16;

  private static final String[] CELEBS = {
    "Jennifer Lawrence",
    "Brad Pitt",
    "Taylor Swift",
    "Selena Gomez",
    "Justin Bieber",
    "Kim Kardashian",
    "Kanye West",
    "Angelina Jolie",
    "Prince Harry",
    "Meghan Markle",
    "Tom Cruise",
    "Beyonce",
    "Miley Cyrus",
    "Ryan Reynolds",
    "Katy Perry",
    "Jennifer Aniston"
  };

  private static final String[] CITIES = {
    "Los Angeles", "New York", "London", "Paris", "Nashville", "Toronto", "Sydney", "Las Vegas"
  };

  private static final String[] TOPICS = {
    "new album",
    "wedding",
    "world tour",
    "divorce",
    "new movie",
    "charity gala",
    "baby",
    "reality show",
    "fashion line",
    "award show appearance"
  };

  private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

  private static final String[] FAKE_TITLES = {
    "SHOCKING: {c} hiding a secret {t}!",
    "{c} and {c2} secretly split, insider claims",
    "Is {c} pregnant? Friends are worried!",
    "{c} allegedly furious over {t}!",
    "Insiders reveal the truth about {c} and {c2}",
    "{c} heartbroken after shocking betrayal!",
    "{c} caught in bizarre feud with {c2}, source says",
    "You won't believe what {c} did in {city}!"
  };

  private static final String[] REAL_TITLES = {
    "{c} to headline {t} event in {city}",
    "{c} announces {t} release date",
    "Court rules in {c} copyright case",
    "{c} donates to relief fund after storms in {city}",
    "{c} confirms {t} plans, spokesperson says",
    "{c} wins award at ceremony in {city}",
    "{c} and {c2} to appear together at {city} benefit",
    "Judge sets hearing date in {c} lawsuit"
  };

  private static final String[] SHARED_TITLES = {
    "{c} spotted in {city} ahead of {t}",
    "What we know about the {c} {t}",
    "{c} and {c2}: the latest on the {t}",
    "{c} opens up about {t}"
  };

  private static final String[] FAKE_SENTENCES = {
    "A source close to {c} said the star is absolutely devastated!",
    "An insider allegedly revealed that {c} has been hiding the truth for months.",
    "Fans are shocked!",
    "According to a source, {c} and {c2} are barely speaking.",
    "It is believed that {c} reportedly wants out of the {t}.",
    "The shocking news comes just weeks after the {t} drama.",
    "Insiders say {c} is heartbroken and can't stop crying!",
    "Sources close to the couple whisper that the {t} is off.",
    "One pal allegedly told the magazine that {c} is furious!",
    "Is this the end for {c}?",
    "The insider claims {c2} has been secretly texting {c}.",
    "Things are allegedly so bad that {c} flew to {city} in tears!"
  };

  private static final String[] REAL_SENTENCES = {
    "{c} said in a statement on {day} that the {t} would go ahead as planned.",
    "According to court documents filed on {date}, the case was dismissed.",
    "A spokesperson for {c} confirmed the news to reporters on {date}.",
    "The event is scheduled for {date} in {city}, organizers said.",
    "Tickets go on sale on {date}, the company said in a press release.",
    "The {t} was first reported by local media on {date}.",
    "{c} told the Associated Press that the project took two years.",
    "Representatives for {c2} did not respond to a request for comment.",
    "The judge granted the motion on {day}, according to court records.",
    "Proceeds will go to a children's hospital in {city}, the foundation said.",
    "The studio said in a statement that filming begins in {city} on {date}.",
    "{c} thanked fans in a written statement released on {day}."
  };

  private static final String[] SHARED_SENTENCES = {
    "{c} was last seen in {city} with {c2}.",
    "The {t} has drawn attention from fans around the world.",
    "{c} has not commented on social media.",
    "{c2} also attended the event in {city}.",
    "The {t} is expected to draw a large crowd."
  };

  /** Publisher domains and the chance that a fake (resp. real) article comes from each. */
  private static final String[] DOMAINS = {
    "gossipdaily.example.com",
    "celebbuzz.example.net",
    "wirenews.example.org",
    "news.example.com",
    "entertainment.example.org"
  };

  private static final double[] FAKE_DOMAIN_WEIGHTS = {0.40, 0.30, 0.05, 0.05, 0.20};
  private static final double[] REAL_DOMAIN_WEIGHTS = {0.05, 0.05, 0.40, 0.30, 0.20};

  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

  private FixtureCorpus() {}

  /** The default corpus: {@value #SIZE} articles from seed {@value #SEED}. */
  public static List<Article> articles() {
    return generate(SIZE, SEED);
  }

  /** {@code n} articles from {@code seed}, laid out as the class comment says. */
  public static List<Article> generate(int n, long seed) {
    Random r = new Random(seed);
    List<Article> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean fake = i % 5 < 2;
      out.add(article(i, fake, splitOf(i), r));
    }
    return List.copyOf(out);
  }

  /** The {@code split} value of article {@code i}. */
  public static String splitOf(int i) {
    int group = (i / 5) % 5;
    return group <= 2 ? "train" : group == 3 ? "valid" : "test";
  }

  /** The articles of one part ({@code train}, {@code valid}, {@code test}), in corpus order. */
  public static List<Article> part(List<Article> articles, String part) {
    return articles.stream().filter(a -> part.equals(a.splitPart(SPLIT_FIELD))).toList();
  }

  private static Article article(int i, boolean fake, String split, Random r) {
    String c = pick(CELEBS, r);
    String c2 = pick(CELEBS, r);
    while (c2.equals(c)) {
      c2 = pick(CELEBS, r);
    }
    String city = pick(CITIES, r);
    String topic = pick(TOPICS, r);
    LocalDate date = LocalDate.of(2017, 1, 1).plusDays(r.nextInt(3 * 365));
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("{c2}", c2);
    vars.put("{c}", c);
    vars.put("{city}", city);
    vars.put("{t}", topic);
    vars.put("{day}", pick(WEEKDAYS, r));
    vars.put("{date}", date.plusDays(r.nextInt(60)).format(LONG_DATE));

    // About one article in sixteen is written wholly in the other style (a fake in sober wire
    // prose, a real story told breathlessly): no wording separates every article.
    boolean tabloid = r.nextDouble() < 0.06 ? !fake : fake;
    double t = r.nextDouble();
    String[] titles =
        t < 0.2
            ? SHARED_TITLES
            : t < 0.3 ? (tabloid ? REAL_TITLES : FAKE_TITLES) : tabloid ? FAKE_TITLES : REAL_TITLES;
    String title = fill(pick(titles, r), vars);
    int sentences = 3 + r.nextInt(4);
    StringBuilder body = new StringBuilder();
    for (int s = 0; s < sentences; s++) {
      double u = r.nextDouble();
      String[] pool;
      if (u < 0.15) {
        pool = SHARED_SENTENCES;
      } else if (u < 0.3) {
        pool = tabloid ? REAL_SENTENCES : FAKE_SENTENCES; // the other style: classes overlap
      } else {
        pool = tabloid ? FAKE_SENTENCES : REAL_SENTENCES;
      }
      if (s > 0) {
        body.append(s == sentences / 2 ? "\n\n" : " ");
      }
      body.append(fill(pick(pool, r), vars));
    }
    String domain = weighted(DOMAINS, fake ? FAKE_DOMAIN_WEIGHTS : REAL_DOMAIN_WEIGHTS, r);
    String slug =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    String url = "https://www." + domain + "/" + date.getYear() + "/" + slug + "-" + i;
    // Wire copy is always dated; tabloid copy often is not.
    LocalDate articleDate = fake && r.nextBoolean() ? null : date;
    return new Article(
        String.format(Locale.ROOT, "fx-%03d", i),
        title,
        body.toString(),
        articleDate,
        url,
        domain,
        fake ? Label.FAKE : Label.REAL,
        Map.of(SPLIT_FIELD, split));
  }

  private static String fill(String template, Map<String, String> vars) {
    String s = template;
    for (Map.Entry<String, String> e : vars.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    return s;
  }

  private static String pick(String[] options, Random r) {
    return options[r.nextInt(options.length)];
  }

  private static String weighted(String[] options, double[] weights, Random r) {
    double u = r.nextDouble();
    double acc = 0;
    for (int i = 0; i < options.length; i++) {
      acc += weights[i];
      if (u < acc) {
        return options[i];
      }
    }
    return options[options.length - 1];
  }

  /**
   * One JSONL line per article, fields in the order id, title, text, date, url, source, label,
   * splits.
   */
  public static void writeJsonl(List<Article> articles, Path path) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      for (Article a : articles) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", a.id());
        row.put("title", a.title());
        row.put("text", a.text());
        row.put("date", a.date() == null ? null : a.date().toString());
        row.put("url", a.url());
        row.put("source", a.source());
        row.put("label", a.label() == null ? null : a.label().wireName());
        new TreeMap<>(a.splits()).forEach(row::put);
        w.write(json.writeValueAsString(row));
        w.write('\n');
      }
    }
  }

  /** Writes the default corpus to {@code path} and returns it. */
  public static Path writeJsonl(Path path) throws IOException {
    writeJsonl(articles(), path);
    return path;
  }

  /**
   * Writes the default corpus as JSONL to the path given (default: vera-cli's committed copy,
   * {@code vera-cli/src/test/resources/fixture/corpus.jsonl}, from the repository root).
   */
  public static void main(String[] args) throws IOException {
    Path out =
        Path.of(args.length > 0 ? args[0] : "vera-cli/src/test/resources/fixture/corpus.jsonl");
    writeJsonl(out);
    System.out.println("wrote " + SIZE + " articles to " + out.toAbsolutePath());
  }
}
