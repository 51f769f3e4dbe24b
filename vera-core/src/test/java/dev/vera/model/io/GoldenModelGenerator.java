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
import dev.vera.model.Verdict;
import dev.vera.testing.FixtureCorpus;
import dev.vera.testing.FixtureModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the golden model that {@link GoldenModelTest} checks: a small model trained on the {@link
 * FixtureCorpus}, saved as {@code src/test/resources/golden/golden-v1.vera}, and {@code
 * golden-v1-expected.json} with articles and the probability of fake and label the model gives each
 * (with and without {@code --use-source}).
 *
 * <p>The golden file pins two things: that a committed format-v1 file stays readable, and that
 * reading it gives the same scores. Anything that changes scoring on purpose (the text features,
 * tokenization, hashing) changes these numbers: regenerate the files then, and commit both. From
 * the repository root:
 *
 * <pre>
 * mvn -B -o -q -pl vera-core test -Dtest=GoldenModelGenerator -Dvera.golden.regenerate=true
 * </pre>
 *
 * (surefire runs {@link #regenerate()} only with that property; the class name does not match
 * surefire's test patterns, so a normal build never runs it). {@link #main} does the same from any
 * classpath that holds vera-core's test classes, writing into the directory given as the first
 * argument, or into {@code vera-core/src/test/resources/golden} found from the working directory.
 */
public final class GoldenModelGenerator {
  static final String MODEL = "golden-v1.vera";
  static final String EXPECTED = "golden-v1-expected.json";

  @Test
  @EnabledIfSystemProperty(named = "vera.golden.regenerate", matches = "true")
  void regenerate() throws IOException {
    generate(defaultDirectory());
  }

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : defaultDirectory();
    generate(dir);
    System.out.println("wrote " + dir.resolve(MODEL) + " and " + dir.resolve(EXPECTED));
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

  static void generate(Path dir) throws IOException {
    Files.createDirectories(dir);
    CredibilityModel model =
        new LinearTrainer(FixtureModels.smallConfig().withName("golden"))
            .train(FixtureModels.trainingSet(), ProgressListener.NONE);
    Path modelFile = dir.resolve(MODEL);
    ModelFile.write(model, modelFile);
    // Expectations come from the model as read back, exactly what the test will load.
    CredibilityModel loaded = ModelFile.read(modelFile);

    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("model_file", MODEL);
    root.put("format_version", ModelFile.VERSION_CURRENT);
    root.put("model_id", loaded.card().modelId());
    root.put(
        "regenerate",
        "mvn -B -o -q -pl vera-core test -Dtest=GoldenModelGenerator -Dvera.golden.regenerate=true");
    ArrayNode list = root.putArray("articles");
    ScoringOptions withSource = new ScoringOptions(true, null);
    for (Article a : articles()) {
      Verdict v = loaded.predict(a, ScoringOptions.DEFAULT);
      Verdict s = loaded.predict(a, withSource);
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
    Files.writeString(
        dir.resolve(EXPECTED), json.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }
}
