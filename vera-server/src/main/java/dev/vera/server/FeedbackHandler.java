package dev.vera.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.feedback.Correction;
import dev.vera.feedback.CorrectionJson;
import dev.vera.feedback.FeedbackException;
import dev.vera.feedback.FeedbackStore;
import dev.vera.model.CredibilityModel;
import dev.vera.model.Verdict;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/feedback}: an analyst's correction of a verdict. The body carries the article
 * as {@code /check} answered it ({@code title}, {@code text} and the rest), the analyst's {@code
 * label}, a {@code note} and the {@code analyst}'s name (else the server's configured one; with
 * tokens, always the token's owner). The server scores the article itself, so the stored verdict is
 * its model's, not the client's word. Answers 201 with the stored correction, once it is committed.
 */
final class FeedbackHandler implements AutoCloseable {
  static final int MAX_NOTE_CHARS = 10_000;
  private static final Set<String> FIELDS =
      Set.of("article", "label", "note", "analyst", "use_source", "threshold");

  private final CredibilityModel model;
  private final ServerConfig config;
  private final @Nullable FeedbackSettings settings;
  private final ScoringPool pool;
  private @Nullable FeedbackStore store;

  /**
   * Opens the store now, so that a bad {@code --feedback-db} (a directory, a text file, another
   * application's database, an unopenable path) stops the server at start-up with the reason, not
   * at the first correction.
   *
   * @throws FeedbackException naming the file and what is wrong with it
   */
  FeedbackHandler(
      CredibilityModel model,
      ServerConfig config,
      @Nullable FeedbackSettings settings,
      ScoringPool pool)
      throws FeedbackException {
    this.model = model;
    this.config = config;
    this.settings = settings;
    this.pool = pool;
    this.store = settings == null ? null : FeedbackStore.open(settings.db());
  }

  void handle(Context ctx) throws Exception {
    if (settings == null) {
      throw new ApiProblem(
          503,
          "feedback-not-configured",
          "Feedback not configured",
          "this server stores no corrections (start it with vera serve, which sets --feedback-db)");
    }
    ObjectNode body = JsonBodies.readObject(ctx, config.maxBodyBytes());
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!FIELDS.contains(name)) {
        throw invalid(
            "unknown field \""
                + name
                + "\"; a correction has article, label, note, analyst (and use_source, threshold as in /check)");
      }
    }
    CheckOptions options = CheckOptions.read(body, ctx);
    JsonNode articleNode = body.get("article");
    if (articleNode == null) {
      throw ApiProblem.badRequest(
          "invalid-article",
          "Invalid article",
          "the correction has no \"article\": send {\"article\": {\"title\": …, \"text\": …}, \"label\": \"fake\"}");
    }
    ArticleRequest request = ArticleRequest.parse(articleNode, "article");
    if (request.needsFetch()) {
      throw ApiProblem.badRequest(
          "invalid-article",
          "Invalid article",
          "article has only a url: send its title and text as /api/v1/check returned them, so that retraining can use them");
    }
    Article article = request.toArticle(config.maxArticleBytes());
    Label label = label(body.get("label"));
    String note = text(body.get("note"), "note");
    if (note != null && note.length() > MAX_NOTE_CHARS) {
      throw invalid(
          "note is " + note.length() + " characters, over the " + MAX_NOTE_CHARS + " limit");
    }
    String analyst = analyst(ctx, text(body.get("analyst"), "analyst"), settings);
    Verdict v = pool.call(() -> model.predict(article, options.scoring()));
    Correction draft =
        Correction.draft(
            article, model.card().modelId(), v.label(), v.probabilityFake(), label, note, analyst);
    Correction stored;
    try {
      stored = store().add(draft);
    } catch (FeedbackException e) {
      close(); // answered 503 with the reason; the next correction opens the file afresh
      throw e;
    }
    ctx.status(201)
        .contentType("application/json")
        .result(CorrectionJson.toJson(stored).toString());
  }

  /**
   * Who makes the correction: with tokens, the analyst whose token the request carried, never a
   * name from the body (one that names someone else is refused, so that no client believes it
   * stored under another name); without, the body's {@code analyst}, else the configured one.
   */
  private String analyst(Context ctx, @Nullable String named, FeedbackSettings settings) {
    if (config.access().usesTokens()) {
      String owner =
          TokenGate.analyst(ctx)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "a correction reached the handler without a checked token"));
      if (named != null && !named.isBlank() && !named.strip().equals(owner)) {
        throw invalid(
            "the analyst is whoever the token belongs to ("
                + owner
                + "), not \""
                + named.strip()
                + "\": leave \"analyst\" out");
      }
      return owner;
    }
    String analyst = named;
    if (analyst == null || analyst.isBlank()) {
      analyst = settings.defaultAnalyst();
    }
    if (analyst == null || analyst.isBlank()) {
      throw invalid(
          "who is correcting? send \"analyst\": \"name\" (this server has no configured analyst name)");
    }
    return analyst;
  }

  /** The open store; opened again when it was closed after failing (the file may be back). */
  private synchronized FeedbackStore store() throws FeedbackException {
    if (store == null) {
      store = FeedbackStore.open(settings.db());
    }
    return store;
  }

  @Override
  public synchronized void close() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  private static Label label(@Nullable JsonNode n) {
    if (n == null || n.isNull()) {
      throw invalid("label is missing: \"fake\" or \"real\", the analyst's judgement");
    }
    if (!n.isTextual() || Label.parse(n.asText().strip()).isEmpty()) {
      throw invalid("label must be \"fake\" or \"real\", was " + n);
    }
    return Label.parse(n.asText().strip()).orElseThrow();
  }

  private static @Nullable String text(@Nullable JsonNode n, String field) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw invalid(field + " must be a string");
    }
    return n.asText();
  }

  private static ApiProblem invalid(String detail) {
    return ApiProblem.badRequest("invalid-feedback", "Invalid feedback", detail);
  }
}
