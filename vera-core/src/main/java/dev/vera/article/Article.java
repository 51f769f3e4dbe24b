package dev.vera.article;

import dev.vera.fetch.Urls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One news article as Vera reads it. Title and text are never null (empty when absent); the others
 * are null when the input did not say.
 *
 * @param id the input's identifier, or null
 * @param title the headline, possibly empty
 * @param text the body, possibly empty (but not both empty: readers reject that)
 * @param date the publication date, or null
 * @param url the article's URL, or null
 * @param source the publisher's domain (lower case, no {@code www.}), or null
 * @param label the known label for training and evaluation, or null
 * @param splits named split assignments ({@code split -> train}), empty when none
 * @param corpus the collection the article belongs to (a {@code corpus} field, or the folder of its
 *     file when a command reads several collections), or null; used by training and evaluation
 *     across collections, never by scoring
 */
public record Article(
    @Nullable String id,
    String title,
    String text,
    @Nullable LocalDate date,
    @Nullable String url,
    @Nullable String source,
    @Nullable Label label,
    Map<String, String> splits,
    @Nullable String corpus) {

  public Article {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    splits = Map.copyOf(splits);
    // Credentials in a URL must not travel on into verdicts, stored corrections or logs.
    url = Urls.withoutCredentials(url);
  }

  /** An article that belongs to no named corpus. */
  public Article(
      @Nullable String id,
      String title,
      String text,
      @Nullable LocalDate date,
      @Nullable String url,
      @Nullable String source,
      @Nullable Label label,
      Map<String, String> splits) {
    this(id, title, text, date, url, source, label, splits, null);
  }

  /** An unlabelled article with only a title and a body. */
  public static Article of(String title, String text) {
    return new Article(null, title, text, null, null, null, null, Map.of());
  }

  /** The same article with another label. */
  public Article withLabel(@Nullable Label newLabel) {
    return new Article(id, title, text, date, url, source, newLabel, splits, corpus);
  }

  /** The same article with another id. */
  public Article withId(@Nullable String newId) {
    return new Article(newId, title, text, date, url, source, label, splits, corpus);
  }

  /** The same article in another corpus. */
  public Article withCorpus(@Nullable String newCorpus) {
    return new Article(id, title, text, date, url, source, label, splits, newCorpus);
  }

  /** The same article with another body (for explanations that leave a sentence out). */
  public Article withText(String newText) {
    return new Article(id, title, newText, date, url, source, label, splits, corpus);
  }

  /** The part this article belongs to under a split field ({@code train|valid|test}), or null. */
  public @Nullable String splitPart(String splitField) {
    return splits.get(splitField);
  }

  /**
   * A content hash of title and body (whitespace-normalized, case kept): the identity used to
   * detect articles that a model was trained on, whatever id or file they come with.
   */
  public long contentHash() {
    String canonical = normalizeSpace(title) + "\n" + normalizeSpace(text);
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      long h = 0;
      for (int i = 0; i < 8; i++) {
        h = (h << 8) | (d[i] & 0xff);
      }
      return h;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  /** The content hash as 16 hex digits, as shown to users. */
  public String contentHashHex() {
    return HexFormat.of().toHexDigits(contentHash());
  }

  private static String normalizeSpace(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  /**
   * The publisher domain of a URL: host without scheme, port or a leading {@code www.}, lower case;
   * null when the URL has no recognisable host.
   */
  public static @Nullable String domainOf(@Nullable String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String s = url.strip();
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int end = s.length();
    for (char c : new char[] {'/', '?', '#', ':'}) {
      int i = s.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    s = s.substring(0, end).toLowerCase(Locale.ROOT);
    int at = s.lastIndexOf('@');
    if (at >= 0) {
      s = s.substring(at + 1);
    }
    if (s.startsWith("www.")) {
      s = s.substring(4);
    }
    return s.isEmpty() || s.indexOf('.') < 0 ? null : s;
  }
}
