package dev.vera.server;

import dev.vera.claims.CheckWorthinessModel;
import dev.vera.claims.ClaimChecker;
import dev.vera.claims.FactCheck;
import dev.vera.claims.FactCheckIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** The bundled check-worthiness model and a four-record fact-check index written here. */
final class ClaimsFixture {
  static final String TEXT =
      "Thank you all for coming tonight.\n\nUnemployment doubled to 14 percent in Ohio since 2008,"
          + " the governor said. We will win this together.";
  static final String CLAIM =
      "Unemployment doubled to 14 percent in Ohio since 2008, the governor said.";

  static final List<FactCheck> RECORDS =
      List.of(
          new FactCheck(
              "fc-ohio",
              "Says unemployment in Ohio doubled since 2008.",
              "mostly-false",
              "Fact Desk",
              "https://factdesk.example/ohio",
              "2012-05-01",
              "Governor"),
          new FactCheck(
              "fc-wind",
              "Wind power employs more people than coal.",
              "true",
              "Fact Desk",
              "https://factdesk.example/wind",
              "2015-01-02",
              null),
          new FactCheck(
              "fc-tax", "Taxes rose 3 percent in Texas.", "false", "Other Desk", null, null, null),
          new FactCheck(
              "fc-olympics",
              "\"I went to the Olympics that was out of balance, and we got it on balance.\"",
              "mostly-true",
              "Fact Desk",
              null,
              "2012-10-23",
              null));

  /** A debate sentence the bundled check-worthiness model scores under its cut. */
  static final String UNDER_THE_CUT =
      "I went to the Olympics that was out of balance, and we got it on balance and made a success"
          + " there.";

  private ClaimsFixture() {}

  static CheckWorthinessModel model() throws IOException {
    try (InputStream in =
        ClaimsFixture.class.getResourceAsStream("/dev/vera/models/vera-claims-claimbuster.vera")) {
      if (in == null) {
        throw new IllegalStateException("the bundled claims model is not on the test class path");
      }
      return CheckWorthinessModel.read(in, "bundled claims model");
    }
  }

  /** A checker over an index of {@link #RECORDS} in {@code dir}; a hit needs BM25 ≥ 2. */
  static ClaimChecker checker(Path dir) throws IOException {
    FactCheckIndex.build(dir, RECORDS, List.of());
    return new ClaimChecker(model(), FactCheckIndex.open(dir), 2.0);
  }
}
