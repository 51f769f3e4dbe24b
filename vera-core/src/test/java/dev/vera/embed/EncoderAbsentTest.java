package dev.vera.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.VeraVersion;
import dev.vera.model.io.BundledModel;
import dev.vera.model.io.ModelFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * vera-core's own tests run without the vera-embeddings module, as the lean jar does: whatever
 * needs the encoder says which module is missing and where to get it, and nothing else breaks.
 */
class EncoderAbsentTest {
  private static final String MISSING =
      " needs the vera-embeddings module (the sentence encoder, on ONNX Runtime), which is not on"
          + " the class path: use Vera's full distribution (vera-"
          + VeraVersion.get()
          + ".tar.gz), or add the dependency dev.vera:vera-embeddings";

  @Test
  void theEncoderIsAbsentAndSaysWhereItLives() {
    assertFalse(SentenceEncoder.available());
    EncoderUnavailableException e =
        assertThrows(EncoderUnavailableException.class, SentenceEncoder::bundled);
    assertEquals("reading sentence embeddings" + MISSING, e.getMessage());
  }

  @Test
  void theBundledModelsThatReadEmbeddingsNameThemselves() {
    EncoderUnavailableException accurate =
        assertThrows(EncoderUnavailableException.class, () -> BundledModel.ACCURATE.load(null));
    assertEquals("the accurate model" + MISSING, accurate.getMessage());
    EncoderUnavailableException claims =
        assertThrows(
            EncoderUnavailableException.class, () -> BundledModel.CLAIMS.loadCheckWorthiness(null));
    assertEquals("the check-worthy claims model" + MISSING, claims.getMessage());
  }

  /** A sound file of a model with embeddings is not called damaged: the module is named. */
  @Test
  void aModelFileWithEmbeddingsNamesTheModuleNotDamage() {
    Path file = Path.of("../models/vera-accurate-gossipcop.vera");
    EncoderUnavailableException e =
        assertThrows(EncoderUnavailableException.class, () -> ModelFile.read(file));
    assertTrue(e.getMessage().startsWith("model vera-accurate-"), e.getMessage());
    assertTrue(e.getMessage().endsWith(MISSING), e.getMessage());
  }

  @Test
  void theModelsThatNeedNoEncoderLoad() throws Exception {
    for (BundledModel m : new BundledModel[] {BundledModel.FAST, BundledModel.FAST_GOSSIPCOP}) {
      String id = m.load(null).card().modelId();
      assertTrue(id.startsWith("vera-fast-"), id);
    }
    assertEquals(BundledModel.FAST, BundledModel.DEFAULT);
    assertEquals(List.of("fast", "fast-gossipcop", "accurate"), BundledModel.credibilityNames());
    assertTrue(
        BundledModel.credibility("claims").isEmpty(), "claims judges sentences, not articles");
  }
}
