package dev.vera.claims;

import org.jspecify.annotations.Nullable;

/**
 * A published fact-check: the claim that was checked and what the publisher concluded.
 *
 * @param id a stable identifier (the record's {@code id}, else {@code FILE:LINE})
 * @param claim the checked claim, as the publisher worded it
 * @param verdict the publisher's rating, as published (e.g. {@code pants-fire})
 * @param publisher who published the fact-check
 * @param url the fact-check's page, or null
 * @param date the fact-check's publication date ({@code YYYY-MM-DD}), or null
 * @param speaker who made the claim, or null
 * @param title the fact-check's headline, or null (searched too, with a weight the index chose)
 */
public record FactCheck(
    String id,
    String claim,
    String verdict,
    String publisher,
    @Nullable String url,
    @Nullable String date,
    @Nullable String speaker,
    @Nullable String title) {

  /** A fact-check without a headline. */
  public FactCheck(
      String id,
      String claim,
      String verdict,
      String publisher,
      @Nullable String url,
      @Nullable String date,
      @Nullable String speaker) {
    this(id, claim, verdict, publisher, url, date, speaker, null);
  }
}
