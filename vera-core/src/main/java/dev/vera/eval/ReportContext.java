package dev.vera.eval;

import java.time.Instant;
import java.util.Objects;

/**
 * What an HTML report says about where its figures come from.
 *
 * @param title the page title
 * @param modelId the evaluated model's identifier
 * @param dataDescription the evaluated data, e.g. a file name and article count
 * @param splitDescription how the evaluated part was separated from training and validation
 * @param generatedAt when the report was made
 */
public record ReportContext(
    String title,
    String modelId,
    String dataDescription,
    String splitDescription,
    Instant generatedAt) {

  public ReportContext {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(dataDescription, "dataDescription");
    Objects.requireNonNull(splitDescription, "splitDescription");
    Objects.requireNonNull(generatedAt, "generatedAt");
  }
}
