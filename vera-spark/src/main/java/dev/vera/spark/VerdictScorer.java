package dev.vera.spark;

import dev.vera.article.Article;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringOptions;
import dev.vera.model.Verdict;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Scores one partition: the model comes from {@link ModelHolder} (read once per executor JVM), rows
 * stream through one at a time (nothing of the partition is buffered), and each output row is the
 * input row followed by the verdict columns.
 */
final class VerdictScorer implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  /** The verdict columns appended to every row, in order. */
  static final List<StructField> VERDICT_FIELDS =
      List.of(
          DataTypes.createStructField("label", DataTypes.StringType, true),
          DataTypes.createStructField("probability_fake", DataTypes.DoubleType, true),
          DataTypes.createStructField("text_probability_fake", DataTypes.DoubleType, true),
          DataTypes.createStructField("threshold", DataTypes.DoubleType, true),
          DataTypes.createStructField("used_source", DataTypes.BooleanType, true),
          DataTypes.createStructField("base_rate", DataTypes.DoubleType, true),
          DataTypes.createStructField("applicability", DataTypes.DoubleType, true),
          DataTypes.createStructField("outside_experience", DataTypes.BooleanType, true),
          DataTypes.createStructField("source_domain", DataTypes.StringType, true),
          DataTypes.createStructField("source_basis", DataTypes.StringType, true),
          DataTypes.createStructField("source_fake_rate", DataTypes.DoubleType, true),
          DataTypes.createStructField("error", DataTypes.StringType, true));

  private final String modelSpec;
  private final boolean useSource;
  private final @Nullable Double threshold;
  private final @Nullable Double baseRate;
  private final ArticleColumns columns;
  private final int inputWidth;

  VerdictScorer(
      String modelSpec,
      boolean useSource,
      @Nullable Double threshold,
      @Nullable Double baseRate,
      ArticleColumns columns,
      int inputWidth) {
    this.modelSpec = modelSpec;
    this.useSource = useSource;
    this.threshold = threshold;
    this.baseRate = baseRate;
    this.columns = columns;
    this.inputWidth = inputWidth;
  }

  /**
   * The output schema: the input's columns (one whose name a verdict column takes is renamed {@code
   * input_<name>}) followed by the verdict columns.
   */
  static StructType outputSchema(StructType input) {
    List<String> taken = new ArrayList<>();
    for (StructField f : VERDICT_FIELDS) {
      taken.add(f.name());
    }
    List<String> names = new ArrayList<>(List.of(input.fieldNames()));
    List<StructField> out = new ArrayList<>();
    for (StructField f : input.fields()) {
      String name = f.name();
      if (taken.stream().anyMatch(t -> t.equalsIgnoreCase(f.name()))) {
        name = "input_" + f.name();
        while (names.contains(name) || taken.contains(name)) {
          name = "input_" + name;
        }
        names.add(name);
      }
      out.add(DataTypes.createStructField(name, f.dataType(), f.nullable(), f.metadata()));
    }
    out.addAll(VERDICT_FIELDS);
    return DataTypes.createStructType(out);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    CredibilityModel model = ModelHolder.get(modelSpec);
    ScoringOptions options = new ScoringOptions(useSource, threshold, baseRate);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        return score(model, options, rows.next());
      }
    };
  }

  private Row score(CredibilityModel model, ScoringOptions options, Row in) {
    Object[] values = new Object[inputWidth + VERDICT_FIELDS.size()];
    for (int i = 0; i < inputWidth; i++) {
      values[i] = in.get(i);
    }
    int o = inputWidth;
    try {
      Article article = columns.article(in);
      Verdict v = model.predict(article, options);
      values[o] = v.label().wireName();
      values[o + 1] = v.probabilityFake();
      values[o + 2] = v.textProbabilityFake();
      values[o + 3] = v.threshold();
      values[o + 4] = v.usedSource();
      values[o + 5] = v.baseRate();
      values[o + 6] = v.applicability() == null ? null : v.applicability().score();
      values[o + 7] = v.applicability() == null ? null : v.applicability().outsideExperience();
      values[o + 8] = v.source().domain();
      values[o + 9] = v.source().basis().wireName();
      values[o + 10] = v.source().fakeRate();
    } catch (ArticleColumns.RecordProblem e) {
      values[o + 11] = e.getMessage();
    }
    return RowFactory.create(values);
  }
}
