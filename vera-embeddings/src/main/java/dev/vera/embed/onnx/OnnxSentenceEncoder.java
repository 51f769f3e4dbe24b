package dev.vera.embed.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.vera.embed.SentenceEncoder;
import dev.vera.embed.SentenceEncoderProvider;
import dev.vera.io.Sha256;
import dev.vera.model.ScoringException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The sentence encoder bundled with Vera, run offline on the CPU: all-MiniLM-L6-v2 (8-bit
 * quantized), the ONNX file and WordPiece tokenizer that LangChain4j ships inside its Maven jar,
 * run with ONNX Runtime directly. Texts become 384-dimensional unit vectors (mean of the token
 * states over the attention mask, then L2-normalized, as sentence-transformers does).
 *
 * <p>One ONNX session serves every thread, each call running on its caller's thread only (one
 * intra-op thread): on few cores that beats ONNX Runtime's own thread pool, which oversubscribes
 * them when several callers run. Reached through {@link SentenceEncoder#bundled()}, which finds
 * {@link Provider} on the class path.
 */
public final class OnnxSentenceEncoder implements SentenceEncoder, AutoCloseable {
  private static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
  private static final String NAME = "all-minilm-l6-v2-q";

  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean tokenTypes;
  private final long cls;
  private final long sep;
  private final String id;

  private OnnxSentenceEncoder(byte[] onnx, InputStream tokenizerJson)
      throws IOException, OrtException {
    this.env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    this.session = env.createSession(onnx, options);
    this.tokenTypes = session.getInputNames().contains("token_type_ids");
    // No truncation or padding here: windows are cut and padded by this class.
    this.tokenizer =
        HuggingFaceTokenizer.newInstance(
            tokenizerJson,
            Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
    long[] specials = tokenizer.encode("", true, false).getIds();
    if (specials.length != 2) {
      throw new IOException("the tokenizer of " + NAME + " does not add [CLS] and [SEP]");
    }
    this.cls = specials[0];
    this.sep = specials[1];
    this.id = NAME + "@" + Sha256.hex(onnx).substring(0, 12);
  }

  /** Opens the bundled encoder for {@link SentenceEncoder#bundled()}, which keeps it. */
  public static final class Provider implements SentenceEncoderProvider {
    @Override
    public SentenceEncoder open() {
      return load();
    }
  }

  static OnnxSentenceEncoder load() {
    try (InputStream model = OnnxSentenceEncoder.class.getResourceAsStream(MODEL_RESOURCE);
        InputStream tok = OnnxSentenceEncoder.class.getResourceAsStream(TOKENIZER_RESOURCE)) {
      if (model == null || tok == null) {
        throw new IOException(
            "the sentence-embedding model "
                + NAME
                + " is not on the class path (the jar dev.langchain4j:langchain4j-embeddings-"
                + NAME
                + ")");
      }
      return new OnnxSentenceEncoder(model.readAllBytes(), tok);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException | RuntimeException e) {
      throw new UncheckedIOException(
          new IOException(
              "could not load the sentence-embedding model " + NAME + ": " + e.getMessage(), e));
    } catch (LinkageError e) {
      // The native libraries of this build are for one platform (see docs/distribution.md).
      throw new UncheckedIOException(
          new IOException(
              "could not load ONNX Runtime or the tokenizer's native library on "
                  + System.getProperty("os.name")
                  + " "
                  + System.getProperty("os.arch")
                  + " (this vera-embeddings was built for another platform?): "
                  + e,
              e));
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public long[] tokenIds(String text) {
    Encoding enc = tokenizer.encode(text, false, false);
    return enc.getIds();
  }

  /**
   * {@inheritDoc} The quantized model scales its activations per run (dynamic quantization), so
   * padding a window into a batch with longer ones would change its vector.
   */
  @Override
  public float[][] embedWindows(List<long[]> windows) {
    for (long[] w : windows) {
      if (w.length == 0 || w.length > WINDOW) {
        throw new IllegalArgumentException(
            "a window holds 1.." + WINDOW + " tokens, was " + w.length);
      }
    }
    float[][] out = new float[windows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = embedWindow(windows.get(i));
    }
    return out;
  }

  private float[] embedWindow(long[] window) {
    int len = window.length + 2;
    long[] ids = new long[len];
    long[] mask = new long[len];
    ids[0] = cls;
    System.arraycopy(window, 0, ids, 1, window.length);
    ids[len - 1] = sep;
    Arrays.fill(mask, 1);
    long[] shape = {1, len};
    List<OnnxTensor> inputs = new ArrayList<>(3);
    try {
      OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
      inputs.add(idT);
      OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
      inputs.add(maskT);
      Map<String, OnnxTensor> feed;
      if (tokenTypes) {
        OnnxTensor typeT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[len]), shape);
        inputs.add(typeT);
        feed = Map.of("input_ids", idT, "attention_mask", maskT, "token_type_ids", typeT);
      } else {
        feed = Map.of("input_ids", idT, "attention_mask", maskT);
      }
      try (OrtSession.Result result = session.run(feed)) {
        float[][][] states = (float[][][]) result.get(0).getValue();
        return meanPooled(states[0], len);
      }
    } catch (OrtException e) {
      throw new ScoringException("the sentence-embedding model failed: " + e.getMessage(), e);
    } finally {
      for (OnnxTensor t : inputs) {
        t.close();
      }
    }
  }

  /** Mean of the first {@code tokens} states, L2-normalized. */
  private static float[] meanPooled(float[][] states, int tokens) {
    int d = states[0].length;
    double[] sum = new double[d];
    for (int t = 0; t < tokens; t++) {
      float[] s = states[t];
      for (int k = 0; k < d; k++) {
        sum[k] += s[k];
      }
    }
    double norm = 0;
    for (int k = 0; k < d; k++) {
      sum[k] /= tokens;
      norm += sum[k] * sum[k];
    }
    norm = Math.sqrt(norm);
    float[] v = new float[d];
    for (int k = 0; k < d; k++) {
      v[k] = (float) (norm == 0 ? 0 : sum[k] / norm);
    }
    return v;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // Closing at exit: nothing left to do with the session either way.
    }
    tokenizer.close();
  }
}
