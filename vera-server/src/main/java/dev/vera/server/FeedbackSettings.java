package dev.vera.server;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where {@code POST /api/v1/feedback} stores analysts' corrections, and whose name a correction
 * carries when its request names no analyst.
 *
 * @param db the feedback database file (opened on the first correction)
 * @param defaultAnalyst the configured analyst name, or null to require one per request
 */
public record FeedbackSettings(Path db, @Nullable String defaultAnalyst) {}
