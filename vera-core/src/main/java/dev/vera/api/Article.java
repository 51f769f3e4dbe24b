package dev.vera.api;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A news article to judge: a headline and a body, and what is known of where it comes from.
 * Immutable; made with {@link #of(String, String)} or {@link #builder()}.
 */
public final class Article {
  private final dev.vera.article.Article article;

  private Article(dev.vera.article.Article article) {
    this.article = article;
  }

  /**
   * An article with only a headline and a body.
   *
   * @throws IllegalArgumentException when both are blank
   */
  public static Article of(String title, String text) {
    return builder().title(title).text(text).build();
  }

  /** A builder for an article with more than a headline and a body. */
  public static Builder builder() {
    return new Builder();
  }

  /** Your identifier for the article (returned in its {@link Check}), or null. */
  public @Nullable String id() {
    return article.id();
  }

  /** The headline, possibly empty. */
  public String title() {
    return article.title();
  }

  /** The body, possibly empty. */
  public String text() {
    return article.text();
  }

  /** The publisher's domain (from {@link Builder#source} or else the URL), or null. */
  public @Nullable String source() {
    return article.source();
  }

  /** The article's URL, without any credentials it held, or null. */
  public @Nullable String url() {
    return article.url();
  }

  /** The publication date, or null. */
  public @Nullable LocalDate date() {
    return article.date();
  }

  dev.vera.article.Article internal() {
    return article;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Article a && article.equals(a.article);
  }

  @Override
  public int hashCode() {
    return article.hashCode();
  }

  @Override
  public String toString() {
    return "Article[" + (id() == null ? "" : id() + ": ") + title() + "]";
  }

  /** Builds an {@link Article}; every field but the headline or the body may stay unset. */
  public static final class Builder {
    private @Nullable String id;
    private String title = "";
    private String text = "";
    private @Nullable String url;
    private @Nullable String source;
    private @Nullable LocalDate date;

    private Builder() {}

    /** Your identifier, returned in the article's {@link Check}. */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /** The headline. */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /** The body. */
    public Builder text(String text) {
      this.text = Objects.requireNonNull(text, "text");
      return this;
    }

    /** The article's URL; its host names the publisher unless {@link #source} does. */
    public Builder url(@Nullable String url) {
      this.url = url;
      return this;
    }

    /** The publisher's domain, e.g. {@code apnews.com} ({@code www.} and case do not matter). */
    public Builder source(@Nullable String source) {
      this.source = source;
      return this;
    }

    /** The publication date. */
    public Builder date(@Nullable LocalDate date) {
      this.date = date;
      return this;
    }

    /**
     * The article.
     *
     * @throws IllegalArgumentException when both the headline and the body are blank
     */
    public Article build() {
      if (title.isBlank() && text.isBlank()) {
        throw new IllegalArgumentException("an article needs a headline or a body");
      }
      String domain =
          source != null && !source.isBlank()
              ? domain(source)
              : dev.vera.article.Article.domainOf(url);
      return new Article(
          new dev.vera.article.Article(id, title, text, date, url, domain, null, Map.of()));
    }

    /** As the server reads a source: a domain or a URL, else the name as given, lower case. */
    private static String domain(String s) {
      String d = dev.vera.article.Article.domainOf(s.contains("://") ? s : "http://" + s.strip());
      return d != null ? d : s.strip().toLowerCase(Locale.ROOT);
    }
  }
}
