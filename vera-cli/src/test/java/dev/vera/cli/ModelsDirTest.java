package dev.vera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Without $VERA_HOME the CLI finds the bundled models that the lean jar leaves out in the sources'
 * models/ folder, two up from vera-cli/target (as {@code java -jar vera.jar} does).
 */
class ModelsDirTest {
  @Test
  void theSourcesModelsFolderIsFoundFromTheClasses() {
    Assumptions.assumeTrue(System.getenv("VERA_HOME") == null, "VERA_HOME is set: it wins");
    Path found = ModelOption.modelsDir();
    assertEquals(
        Path.of("../models").toAbsolutePath().normalize(),
        found == null ? null : found.normalize());
  }
}
