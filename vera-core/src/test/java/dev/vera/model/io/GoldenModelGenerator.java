package dev.vera.model.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.model.CredibilityModel;
import dev.vera.model.LinearTrainer;
import dev.vera.model.ProgressListener;
import dev.vera.model.ScoringOptions;
import dev.vera.model.TrainingConfig;
import dev.vera.model.Verdict;
import dev.vera.testing.FixtureCorpus;
import dev.vera.testing.FixtureModels;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the golden files that {@link GoldenModelTest} checks. Each is a small model trained on the
 * {@link FixtureCorpus}, saved as {@code src/test/resources/golden/golden-v<N>[-linear].vera} in
 * the format version this Vera writes, beside {@code ...-expected.json} with articles and the
 * probability of fake and label the model gives each (with and without {@code --use-source}); and
 * {@code bundled-expected.json}, the same figures for the bundled models vera-core carries.
 *
 * <p>Golden files of earlier versions are never regenerated: they pin that those files stay
 * readable and score as they did. Versions 2 to 5 were written by the last Vera that wrote version
 * 6 (commit 5cf3756), from the fixture model with the parts those versions lacked taken away
 * (stories, scope, and for version 2 the neighbour index); version 4 is in vera-embeddings, which
 * has the encoder its embedding head needs. Regenerating writes the current version's files (a new
 * version adds files, it replaces none) and the bundled models' figures; do it only after a change
 * to scoring made on purpose (features, tokenization, hashing), and commit what it writes. From the
 * repository root:
 *
 * <pre>
 * mvn -B -o -q -pl vera-core test -Dtest=GoldenModelGenerator -Dvera.golden.regenerate=true
 * </pre>
 *
 * (surefire runs {@link #regenerate()} only with that property; the class name does not match
 * surefire's test patterns, so a normal build never runs it).
 */
public final class GoldenModelGenerator {
  /** The bundled models' recorded figures. */
  static final String BUNDLED = "bundled-expected.json";

  /** The bundled models whose figures are pinned here: those vera-core's jar carries. */
  static final List<BundledModel> BUNDLED_MODELS =
      List.of(BundledModel.FAST, BundledModel.FAST_GOSSIPCOP);

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Test
  @EnabledIfSystemProperty(named = "vera.golden.regenerate", matches = "true")
  void regenerate() throws IOException {
    Path dir = defaultDirectory();
    generate(dir, FixtureModels.smallConfig(), "");
    generate(dir, FixtureModels.smallConfig().withNeighbours(null), "-linear");
    bundled(dir, BUNDLED, BUNDLED_MODELS);
  }

  /** vera-core's golden directory, from the repository root or from the module directory. */
  static Path defaultDirectory() {
    Path fromRoot = Path.of("vera-core/src/test/resources/golden");
    return Files.isDirectory(Path.of("vera-core/src"))
        ? fromRoot
        : Path.of("src/test/resources/golden");
  }

  /** The articles whose scores are pinned: the fixture's test part and three written here. */
  static List<Article> articles() {
    List<Article> out = new ArrayList<>(FixtureCorpus.part(FixtureCorpus.articles(), "test"));
    out.add(
        new Article(
            "golden-tabloid",
            "SHOCKING: insider says star is hiding a secret wedding!",
            "A source close to the star allegedly revealed everything! Fans are stunned.",
            null,
            "https://www.gossipdaily.example.com/x",
            null,
            null,
            Map.of()));
    out.add(
        new Article(
            "golden-wire",
            "Court sets hearing date in copyright case",
            "The singer said in a statement on Monday that the tour would go ahead as planned."
                + " According to court documents filed on March 3, 2019, the case was dismissed.",
            null,
            null,
            "unknown-outlet.example.org",
            null,
            Map.of()));
    out.add(Article.of("Title only, no body", ""));
    return out;
  }

  /** The format name and version a model file declares, read from its first bytes. */
  static FileFormat formatOf(InputStream file) throws IOException {
    DataInputStream in = new DataInputStream(file);
    in.readNBytes(8);
    String format = in.readUTF();
    return new FileFormat(format, in.readInt());
  }

  record FileFormat(String name, int version) {}

  /** Trains the fixture model with {@code config} and writes it and its expectations. */
  static void generate(Path dir, TrainingConfig config, String suffix) throws IOException {
    write(
        dir,
        new LinearTrainer(config.withName("golden"))
            .train(FixtureModels.trainingSet(), ProgressListener.NONE),
        suffix);
  }

  /**
   * Writes {@code model} as {@code golden-v<N><suffix>.vera}, N the version it is written in, and
   * the scores it gives the golden articles as read back from that file.
   */
  public static void write(Path dir, CredibilityModel model, String suffix) throws IOException {
    Files.createDirectories(dir);
    Path scratch = Files.createTempFile(dir, ".golden", ".vera");
    try {
      ModelFile.write(model, scratch);
      FileFormat format;
      try (InputStream in = Files.newInputStream(scratch)) {
        format = formatOf(in);
      }
      String base = "golden-v" + format.version() + suffix;
      Path modelFile = dir.resolve(base + ".vera");
      Files.move(scratch, modelFile, StandardCopyOption.REPLACE_EXISTING);
      // Expectations come from the model as read back, exactly what the test will load.
      CredibilityModel loaded = ModelFile.read(modelFile);
      ObjectNode root = JSON.createObjectNode();
      root.put("model_file", base + ".vera");
      root.put("format", format.name());
      root.put("format_version", format.version());
      root.put("model_id", loaded.card().modelId());
      root.put(
          "regenerate",
          "mvn -B -o -q -pl vera-core test -Dtest=GoldenModelGenerator -Dvera.golden.regenerate=true");
      root.set("articles", scores(loaded));
      Files.writeString(
          dir.resolve(base + "-expected.json"),
          JSON.writeValueAsString(root) + "\n",
          StandardCharsets.UTF_8);
      System.out.println("wrote " + modelFile);
    } finally {
      Files.deleteIfExists(scratch);
    }
  }

  /** Records in {@code dir/file} what the bundled {@code models} give the golden articles. */
  public static void bundled(Path dir, String file, List<BundledModel> models) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    for (BundledModel b : models) {
      CredibilityModel m = load(b);
      FileFormat format;
      try (InputStream in = b.open(null)) {
        format = formatOf(in);
      }
      ObjectNode n = root.putObject(b.modelName());
      n.put("model_id", m.card().modelId());
      n.put("format", format.name());
      n.put("format_version", format.version());
      n.set("articles", scores(m));
    }
    Files.writeString(
        dir.resolve(file), JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }

  /** A bundled model's file as a credibility model, whatever it judges (claims too). */
  public static CredibilityModel load(BundledModel b) throws IOException {
    try (InputStream in = b.open(null)) {
      return ModelFile.read(in, b.modelName());
    }
  }

  static ArrayNode scores(CredibilityModel model) {
    ArrayNode list = JSON.createArrayNode();
    ScoringOptions withSource = new ScoringOptions(true, null);
    for (Article a : articles()) {
      Verdict v = model.predict(a, ScoringOptions.DEFAULT);
      Verdict s = model.predict(a, withSource);
      ObjectNode n = list.addObject();
      n.put("id", a.id());
      n.put("title", a.title());
      n.put("text", a.text());
      n.put("url", a.url());
      n.put("source", a.source());
      n.put("probability_fake", v.probabilityFake());
      n.put("label", v.label().wireName());
      n.put("probability_fake_with_source", s.probabilityFake());
      n.put("label_with_source", s.label().wireName());
    }
    return list;
  }
}
