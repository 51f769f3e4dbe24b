import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vera.embed.SentenceEncoder;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Static token vectors distilled from Vera's sentence encoder (the Model2Vec recipe: every
 * WordPiece token of all-MiniLM-L6-v2's vocabulary embedded on its own, [CLS] token [SEP]), and
 * every article's title and body as WordPiece ids, for static-embeddings.py. A bag of such
 * vectors costs a table lookup per token, so it could join the fast model if it helped.
 *
 * <pre>
 * java -cp vera-cli/target/vera.jar research/StaticEmbeddingsDump.java \
 *     ../shared/data/gossipcop/articles.jsonl /tmp/static-embeddings
 * </pre>
 *
 * Writes table.f32 (30,522 x 384 little-endian floats) and tokens.tsv (id, title ids, body ids);
 * about 40 s on 2 cores. Reads no label.
 */
public class StaticEmbeddingsDump {
  private static final int VOCABULARY = 30522; // BERT uncased, the tokenizer of all-MiniLM-L6-v2

  public static void main(String[] args) throws Exception {
    Path articles = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    SentenceEncoder encoder = SentenceEncoder.bundled();
    float[][] table = new float[VOCABULARY][];
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t;
      parts.add(pool.submit(() -> {
        for (int v = first; v < VOCABULARY; v += threads) {
          table[v] = encoder.embedWindows(List.of(new long[] {v}))[0];
        }
      }));
    }
    for (Future<?> part : parts) {
      part.get();
    }
    pool.shutdown();
    ByteBuffer bytes = ByteBuffer.allocate(VOCABULARY * SentenceEncoder.DIMENSION * Float.BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    for (float[] row : table) {
      for (float x : row) {
        bytes.putFloat(x);
      }
    }
    Files.write(out.resolve("table.f32"), bytes.array());
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(articles);
        PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(out.resolve("tokens.tsv")))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode article = json.readTree(line);
        StringBuilder row = new StringBuilder(article.get("id").asText());
        for (String field : new String[] {"title", "text"}) {
          row.append('\t');
          JsonNode value = article.get(field);
          long[] ids = encoder.tokenIds(value == null || value.isNull() ? "" : value.asText());
          for (int i = 0; i < ids.length; i++) {
            row.append(i == 0 ? "" : " ").append(ids[i]);
          }
        }
        tsv.println(row);
      }
    }
  }
}
