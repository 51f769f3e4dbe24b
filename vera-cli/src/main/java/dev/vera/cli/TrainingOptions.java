package dev.vera.cli;

import dev.vera.model.EmbeddingHead;
import dev.vera.model.NeighbourIndex;
import dev.vera.model.OutletRatings;
import dev.vera.model.TrainingConfig;
import dev.vera.model.TrainingSet;
import dev.vera.text.FeatureConfig;
import dev.vera.text.FeatureSpace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Training settings shared by {@code train} and {@code experiment}; defaults are Vera's. */
public final class TrainingOptions {
  private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();

  @Option(names = "--name", paramLabel = "NAME", description = "Model name (default: vera-fast).")
  String name = DEFAULTS.name();

  @Option(
      names = "--c",
      split = ",",
      paramLabel = "C",
      description = "Candidate regularization values, chosen on validation (default: 0.5,1,2,4).")
  List<Double> cGrid = DEFAULTS.cGrid();

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: 42).")
  long seed = DEFAULTS.seed();

  @Option(
      names = "--spaces",
      split = ",",
      paramLabel = "SPACE",
      description = "Feature spaces (default: title-words,body-words,title-chars,body-chars).")
  List<String> spaces = DEFAULTS.features().spaces().stream().map(FeatureSpace::wireName).toList();

  @Option(names = "--hash-bits", paramLabel = "B", description = "2^B hashed slots (default: 20).")
  int hashBits = DEFAULTS.features().hashBits();

  @Option(
      names = "--min-df",
      paramLabel = "N",
      description = "Drop features in fewer training articles (default: 2).")
  int minDf = DEFAULTS.features().minDf();

  @Option(
      names = "--word-ngrams",
      paramLabel = "N",
      description = "Word n-grams 1..N (default: 2).")
  int wordMaxGram = DEFAULTS.features().wordMaxGram();

  @Option(
      names = "--char-ngrams",
      paramLabel = "MIN-MAX",
      description = "Character n-gram range (default: 3-5).")
  String charRange = DEFAULTS.features().charMinGram() + "-" + DEFAULTS.features().charMaxGram();

  @Option(
      names = "--space-weight",
      paramLabel = "SPACE=W",
      description =
          "Weight of a feature space after its L2 normalization; smaller regularizes it harder"
              + " (default: title-words=0.7, title-chars=0.5, others 1; chosen on GossipCop's"
              + " validation part). Repeatable; once given, unlisted spaces weigh 1.")
  Map<String, Double> spaceWeights = defaultWeights();

  private static Map<String, Double> defaultWeights() {
    Map<String, Double> w = new LinkedHashMap<>();
    DEFAULTS.features().spaceWeights().forEach((s, v) -> w.put(s.wireName(), v));
    return w;
  }

  @Option(
      names = "--style",
      negatable = true,
      description =
          "Style features (capitals, exclamations, hedges, quotes, lengths); off by default: a"
              + " rewrite in another style changes them first.")
  boolean style = DEFAULTS.features().style();

  @Option(
      names = "--drop-duplicates",
      description =
          "Drop from the validation and test parts the articles an earlier part holds too (same"
              + " title and text; counted in the model card) instead of refusing to train.")
  boolean dropDuplicates;

  /**
   * The parts to train on: without held-out duplicates with --drop-duplicates; otherwise the set
   * itself, refused when a held-out part shares articles with train.
   */
  TrainingSet heldOut(TrainingSet set) {
    if (dropDuplicates) {
      return set.withoutHeldOutDuplicates();
    }
    set.requireHeldOutUnseen();
    return set;
  }

  @Option(
      names = "--neighbours",
      paramLabel = "K",
      description =
          "Stack the linear score with the labels of the K most similar training articles from"
              + " other publishers (default: 30; 0 for the linear score alone).")
  int neighbours = DEFAULTS.neighbours() == null ? 0 : DEFAULTS.neighbours().k();

  @Option(
      names = "--neighbour-terms",
      paramLabel = "N",
      description =
          "Words (the N heaviest by TF-IDF) that represent an article for finding neighbours (default: 64).")
  int neighbourTerms =
      DEFAULTS.neighbours() == null
          ? NeighbourIndex.Settings.defaults().terms()
          : DEFAULTS.neighbours().terms();

  @Option(
      names = "--embeddings",
      paramLabel = "N",
      description =
          "Stack a classifier over sentence embeddings (all-MiniLM-L6-v2, bundled) of the title and"
              + " the first N windows of 126 tokens of the body (default: 0, none; each window costs"
              + " about 10 ms of CPU per article, when training and when scoring).")
  int embeddings = DEFAULTS.embeddings() == null ? 0 : DEFAULTS.embeddings().bodyWindows();

  @Option(
      names = "--corpus-balance",
      paramLabel = "B",
      description =
          "How corpora are weighted when several train together: each article weighs"
              + " n^-B for a corpus of n training articles (0: every article alike; 1, the"
              + " default: every corpus the same total weight).")
  double corpusBalance = DEFAULTS.corpusBalance();

  @Option(
      names = "--no-corpus-intercepts",
      description =
          "Fit no intercept per corpus (by default each corpus has one, so that its share of"
              + " fake is not learned from its vocabulary).")
  boolean noCorpusIntercepts;

  @Option(
      names = "--max-publisher-share",
      paramLabel = "S",
      description =
          "Drop a hashed feature when more than this share of its training articles come from one"
              + " publisher: that publisher's boilerplate (default: 1, keep every feature).")
  double maxPublisherShare = DEFAULTS.maxPublisherShare();

  @Option(
      names = "--source-ratings",
      paramLabel = "CSV",
      description =
          "A published ratings list of outlets, for the source evidence of outlets unseen in"
              + " training (repeatable): domain with reliability_label or rating (-1, 0, 1), pc1"
              + " (a score in [0, 1]) or factual_reporting (Media Bias/Fact Check's grades), e.g."
              + " ../shared/data/source_ratings/lin2023_domain_pc1.csv.")
  List<Path> sourceRatings = new ArrayList<>();

  TrainingConfig toConfig() throws IOException {
    String[] range = charRange.split("-");
    if (range.length != 2) {
      throw new VeraCommand.UsageException(
          "--char-ngrams takes MIN-MAX, e.g. 3-5; got " + charRange);
    }
    try {
      FeatureConfig features =
          new FeatureConfig(
              hashBits,
              spaces.stream().map(FeatureSpace::parse).toList(),
              wordMaxGram,
              Integer.parseInt(range[0].strip()),
              Integer.parseInt(range[1].strip()),
              minDf,
              style);
      for (Map.Entry<String, Double> w : spaceWeights.entrySet()) {
        features = features.withWeight(FeatureSpace.parse(w.getKey()), w.getValue());
      }
      List<OutletRatings.RatingList> lists = new ArrayList<>();
      for (Path p : sourceRatings) {
        lists.add(OutletRatings.read(p));
      }
      OutletRatings ratings = new OutletRatings(lists);
      NeighbourIndex.Settings near =
          neighbours == 0 ? null : new NeighbourIndex.Settings(neighbours, neighbourTerms);
      EmbeddingHead.Settings emb =
          embeddings == 0
              ? null
              : new EmbeddingHead.Settings(
                  embeddings, EmbeddingHead.Settings.forArticles().cGrid());
      return new TrainingConfig(
          name,
          features,
          cGrid,
          DEFAULTS.smoothingGrid(),
          seed,
          ratings,
          near,
          emb,
          corpusBalance,
          !noCorpusIntercepts,
          maxPublisherShare);
    } catch (IllegalArgumentException e) {
      throw new VeraCommand.UsageException(e.getMessage());
    }
  }
}
