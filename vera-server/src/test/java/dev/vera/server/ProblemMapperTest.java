package dev.vera.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vera.feedback.FeedbackException;
import dev.vera.fetch.FetchException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {
  @Test
  void anUnexpectedFailureIsAPlain500WithoutItsMessage() {
    ApiProblem p = ProblemMapper.problemFor(new IllegalStateException("secret internal state"));
    assertEquals(500, p.status());
    assertEquals("urn:vera:problem:internal-error", p.type());
    String json = p.toJson().toString();
    assertFalse(json.contains("secret"), json);
    assertFalse(json.contains("IllegalStateException"), json);
  }

  @Test
  void everyFetchFailureHasItsStatus() {
    Map<FetchException.Kind, Integer> expected =
        Map.of(
            FetchException.Kind.BAD_URL, 400,
            FetchException.Kind.REFUSED, 403,
            FetchException.Kind.UNREACHABLE, 502,
            FetchException.Kind.HTTP_STATUS, 502,
            FetchException.Kind.TIMEOUT, 504,
            FetchException.Kind.REDIRECTS, 502,
            FetchException.Kind.TOO_LARGE, 413,
            FetchException.Kind.NOT_HTML, 422,
            FetchException.Kind.NO_ARTICLE, 422);
    for (FetchException.Kind k : FetchException.Kind.values()) {
      ApiProblem p = ProblemMapper.problemFor(new FetchException(k, "what happened"));
      assertEquals(expected.get(k), p.status(), k.toString());
      JsonNode n = p.toJson();
      assertEquals("what happened", n.path("detail").asText());
      assertEquals(p.status(), n.path("status").asInt());
    }
  }

  /** A store that breaks after start-up answers 503 with its reason, not an opaque 500. */
  @Test
  void aBrokenFeedbackStoreIs503WithTheReason() {
    ApiProblem p =
        ProblemMapper.problemFor(
            new FeedbackException(
                "/data/feedback.db: cannot store the correction: disk I/O error"));
    assertEquals(503, p.status());
    assertEquals("urn:vera:problem:feedback-unavailable", p.type());
    assertTrue(p.detail().contains("disk I/O error"), p.detail());
    assertTrue(p.retryAfterSeconds() > 0);
  }

  /** Details quote what clients sent: they are cut to a bounded length. */
  @Test
  void detailsAreBounded() {
    ApiProblem p = ApiProblem.badRequest("x", "X", "host " + "h".repeat(9_000_000));
    assertTrue(
        p.detail().length() < ApiProblem.MAX_DETAIL_CHARS + 100,
        "detail of " + p.detail().length());
  }
}
