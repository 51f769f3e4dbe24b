package dev.vera.model.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vera.model.EmbeddingHead;
import dev.vera.model.OutletRatings;
import dev.vera.model.PlattCalibrator;
import dev.vera.model.ScoreStack;
import dev.vera.model.SourceCombiner;
import dev.vera.model.SourceReputation;
import dev.vera.text.FeatureConfig;
import dev.vera.text.FeatureSpace;
import dev.vera.text.StyleFeatures;
import dev.vera.text.TextVectorizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The JSON header of a model file, as records that Jackson reads and writes (docs/model-format.md):
 * the model card and the model's small parameters. The tables come after it in the body. Fields
 * that only older versions wrote are read and never written.
 *
 * @param format the format's name (as in the frame)
 * @param version the format's version (as in the frame)
 * @param card the model card
 * @param features the text features
 * @param intercept the linear model's intercept
 * @param style the style features' names and standardization
 * @param calibrator the Platt calibration
 * @param sourceCombiner the combination of text and source evidence
 * @param sourceReputation the publishers' track records and ratings
 * @param neighbours the neighbour index's settings, when the model has one
 * @param embedding the sentence-embedding head, when the model has one
 * @param scope the training corpora, curves and applicability ({@link ScopeCodec}), from version 5
 * @param scoreStack how the text score stacks its parts, from version 4
 * @param neighbourCombiner version 3's name for the stack of the linear score and the neighbours
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ModelHeader(
    String format,
    int version,
    CardDocument card,
    Features features,
    double intercept,
    Style style,
    Calibrator calibrator,
    Combiner sourceCombiner,
    Reputation sourceReputation,
    @Nullable Neighbours neighbours,
    @Nullable Embedding embedding,
    ScopeCodec.@Nullable Header scope,
    @Nullable Stack scoreStack,
    @Nullable NeighbourCombiner neighbourCombiner) {

  /**
   * Reads and writes headers: snake_case names, indented (a header is small and a reader may look
   * at it), unknown fields ignored so that an optional field added later breaks no reader.
   */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /**
   * The text features' settings.
   *
   * @param spaces the feature spaces by wire name, in order
   * @param spaceWeights each space's weight by wire name (absent in version 1: every space weighs
   *     1)
   */
  record Features(
      int hashBits,
      List<String> spaces,
      int wordMaxGram,
      int charMinGram,
      int charMaxGram,
      int minDf,
      boolean style,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable Map<String, Double> spaceWeights) {

    static Features of(FeatureConfig f) {
      Map<String, Double> weights = new LinkedHashMap<>();
      f.spaceWeights().forEach((space, weight) -> weights.put(space.wireName(), weight));
      return new Features(
          f.hashBits(),
          f.spaces().stream().map(FeatureSpace::wireName).toList(),
          f.wordMaxGram(),
          f.charMinGram(),
          f.charMaxGram(),
          f.minDf(),
          f.style(),
          weights);
    }

    /**
     * @throws IllegalArgumentException when a space is unknown or a setting out of range
     */
    FeatureConfig toConfig() {
      Map<FeatureSpace, Double> weights = new EnumMap<>(FeatureSpace.class);
      if (spaceWeights != null) {
        spaceWeights.forEach((space, weight) -> weights.put(FeatureSpace.parse(space), weight));
      }
      return new FeatureConfig(
          hashBits,
          spaces == null ? List.of() : spaces.stream().map(FeatureSpace::parse).toList(),
          wordMaxGram,
          charMinGram,
          charMaxGram,
          minDf,
          style,
          weights);
    }
  }

  /** The style features' names and the mean and scale that standardize them. */
  record Style(List<String> names, double[] mean, double[] scale) {
    static Style of(TextVectorizer v) {
      return v.config().style()
          ? new Style(StyleFeatures.NAMES, v.styleMean(), v.styleScale())
          : new Style(List.of(), new double[0], new double[0]);
    }
  }

  /** Platt calibration: P = sigmoid(a·score + b). */
  record Calibrator(String method, double a, double b) {
    static Calibrator of(PlattCalibrator c) {
      return new Calibrator("platt", c.a(), c.b());
    }

    PlattCalibrator toCalibrator() {
      return new PlattCalibrator(a, b);
    }
  }

  /** {@link SourceCombiner}'s weights. */
  record Combiner(double textWeight, double sourceWeight, double knownWeight, double intercept) {
    static Combiner of(SourceCombiner c) {
      return new Combiner(c.textWeight(), c.sourceWeight(), c.knownWeight(), c.intercept());
    }

    SourceCombiner toCombiner() {
      return new SourceCombiner(textWeight, sourceWeight, knownWeight, intercept);
    }
  }

  /**
   * The publishers' track records and outlet ratings.
   *
   * @param counts fake and real training articles per domain
   * @param ratingLists the outlet ratings lists (from version 5)
   * @param ratingWeights one weight per rating input, then the intercept; null without ratings
   * @param ratings versions 1 to 4: one list of rating classes per domain
   * @param ratingFakeRates versions 1 to 4: the fake rate of each rating class
   */
  record Reputation(
      double prior,
      double smoothing,
      Map<String, int[]> counts,
      @Nullable List<RatingList> ratingLists,
      double @Nullable [] ratingWeights,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, Integer> ratings,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, Double> ratingFakeRates) {

    static Reputation of(SourceReputation r) {
      List<RatingList> lists =
          r.ratings().lists().stream()
              .map(l -> new RatingList(l.name(), l.kind().wireName(), new TreeMap<>(l.values())))
              .toList();
      return new Reputation(
          r.prior(),
          r.smoothing(),
          new TreeMap<>(r.counts()),
          lists,
          r.ratingWeights(),
          null,
          null);
    }

    /**
     * @throws IllegalArgumentException when a rating list's kind is unknown
     */
    SourceReputation toReputation() {
      Map<String, int[]> fakeReal = counts == null ? Map.of() : counts;
      if (ratingLists == null) {
        return legacy(fakeReal);
      }
      List<OutletRatings.RatingList> lists = new ArrayList<>();
      for (RatingList l : ratingLists) {
        lists.add(
            new OutletRatings.RatingList(
                l.name(),
                OutletRatings.Kind.parse(l.kind()),
                l.values() == null ? Map.of() : l.values()));
      }
      return new SourceReputation(
          prior, smoothing, fakeReal, new OutletRatings(lists), ratingWeights);
    }

    /**
     * A reputation written before several ratings lists (format versions 1 to 4): one list of
     * classes and a fake rate per class. The rates become the rating model's weights (one indicator
     * per class, no intercept), so that the evidence is what it was.
     */
    private SourceReputation legacy(Map<String, int[]> fakeReal) {
      Map<String, Double> values = new HashMap<>();
      if (ratings != null) {
        ratings.forEach((domain, rating) -> values.put(domain, rating.doubleValue()));
      }
      if (values.isEmpty()) {
        return new SourceReputation(prior, smoothing, fakeReal, OutletRatings.NONE, null);
      }
      OutletRatings lists =
          new OutletRatings(
              List.of(new OutletRatings.RatingList("ratings", OutletRatings.Kind.CLASSES, values)));
      List<Double> classes = new ArrayList<>(new TreeSet<>(values.values()));
      double[] weights = new double[classes.size() + 1];
      for (int i = 0; i < classes.size(); i++) {
        Double rate =
            ratingFakeRates == null
                ? null
                : ratingFakeRates.get(Integer.toString(classes.get(i).intValue()));
        double p = rate == null ? prior : rate;
        p = Math.min(1 - 1e-9, Math.max(1e-9, p));
        weights[i] = Math.log(p / (1 - p));
      }
      return new SourceReputation(prior, smoothing, fakeReal, lists, weights);
    }
  }

  /** One outlet ratings list: its name, kind (wire name) and value per domain. */
  record RatingList(String name, String kind, Map<String, Double> values) {}

  /**
   * The neighbour index's settings and small lists; its tables are in the body ({@link
   * NeighbourIndexCodec}).
   *
   * @param articles how many training articles it indexes
   * @param publishers the publishers the articles' publisher numbers point into
   * @param corpora the corpora the articles' corpus numbers point into (from version 5)
   * @param stories whether the body holds the articles' titles, dates and URLs (from version 6)
   */
  record Neighbours(
      int k,
      int terms,
      int hashBits,
      int articles,
      List<String> publishers,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<String> corpora,
      boolean stories) {}

  /** The sentence-embedding head's settings; its weights are in the body. */
  record Embedding(String encoder, int bodyWindows, double bias, double c) {
    static Embedding of(EmbeddingHead e) {
      return new Embedding(e.encoderId(), e.bodyWindows(), e.bias(), e.c());
    }
  }

  /** {@link ScoreStack}'s weights. */
  record Stack(
      double lexicalWeight, double embeddingWeight, double[] neighbourWeights, double intercept) {
    static Stack of(ScoreStack s) {
      return new Stack(s.lexicalWeight(), s.embeddingWeight(), s.neighbourWeights(), s.intercept());
    }

    ScoreStack toStack() {
      return new ScoreStack(
          lexicalWeight,
          embeddingWeight,
          neighbourWeights == null ? new double[0] : neighbourWeights,
          intercept);
    }
  }

  /** Version 3's stack of the linear score and the neighbour features. */
  record NeighbourCombiner(double lexicalWeight, double[] weights, double intercept) {
    ScoreStack toStack() {
      return new ScoreStack(lexicalWeight, 0, weights, intercept);
    }
  }
}
