package dev.vera.io;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which CSV column holds which article field, matched case-insensitively against the aliases used
 * by common data sets (FakeNewsNet's {@code news_url}, {@code headline}, {@code body}, …). When two
 * columns alias one field, the earlier alias wins and the other is ignored with a warning.
 */
final class CsvColumns {

  /** The article fields a CSV column can hold. */
  enum Field {
    ID("id"),
    TITLE("title", "headline"),
    TEXT("text", "body", "content"),
    DATE("date", "publish_date", "published"),
    URL("url", "news_url", "link"),
    SOURCE("source", "domain", "publisher"),
    CORPUS("corpus"),
    LABEL("label");

    private final List<String> aliases;

    Field(String... aliases) {
      this.aliases = List.of(aliases);
    }
  }

  private final List<String> names;
  private final Map<Field, Integer> fields = new EnumMap<>(Field.class);
  private final Map<String, Integer> splits = new LinkedHashMap<>();
  private final List<String> unknown = new ArrayList<>();
  private final List<String> duplicates = new ArrayList<>();

  /**
   * @param names the header's column names, in order
   * @param labelField the preferred label column; {@code label} is used when it is absent
   */
  CsvColumns(List<String> names, String labelField) {
    this.names = List.copyOf(names);
    List<String> lower = names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
    boolean[] used = new boolean[names.size()];
    for (Field f : Field.values()) {
      List<String> aliases = f.aliases;
      if (f == Field.LABEL) {
        aliases = List.of(labelField.strip().toLowerCase(Locale.ROOT), "label");
      }
      for (String alias : aliases) {
        int i = lower.indexOf(alias);
        if (i >= 0 && !used[i]) {
          fields.put(f, i);
          used[i] = true;
          break;
        }
      }
    }
    for (int i = 0; i < names.size(); i++) {
      if (used[i]) {
        continue;
      }
      String name = lower.get(i);
      if (name.startsWith("split")) {
        splits.put(names.get(i).strip(), i);
      } else if (isAlias(name)) {
        duplicates.add(names.get(i));
      } else if (!JsonlRecordParser.KNOWN_EXTRAS.contains(name)) {
        unknown.add(names.get(i));
      }
    }
  }

  private boolean isAlias(String lowerName) {
    for (Field f : Field.values()) {
      if (f.aliases.contains(lowerName)) {
        return true;
      }
    }
    return false;
  }

  /** Whether there is a title or a text column; without either no article can be read. */
  boolean hasTitleOrText() {
    return fields.containsKey(Field.TITLE) || fields.containsKey(Field.TEXT);
  }

  /** The header's column names, in order. */
  List<String> names() {
    return names;
  }

  /** The index of the column holding {@code field}, or -1. */
  int indexOf(Field field) {
    return fields.getOrDefault(field, -1);
  }

  /** The name of the column holding {@code field} as written in the header, or null. */
  @Nullable String nameOf(Field field) {
    Integer i = fields.get(field);
    return i == null ? null : names.get(i);
  }

  /** Split columns by their header name. */
  Map<String, Integer> splits() {
    return splits;
  }

  /** The one warning about ignored columns, or null when every column is used. */
  @Nullable String warning(String labelField) {
    List<String> parts = new ArrayList<>();
    if (!unknown.isEmpty()) {
      parts.add(
          (unknown.size() == 1 ? "unknown column " : "unknown columns ")
              + quoted(unknown)
              + " ignored (known: "
              + known(labelField)
              + ")");
    }
    if (!duplicates.isEmpty()) {
      parts.add(
          (duplicates.size() == 1 ? "column " : "columns ")
              + quoted(duplicates)
              + " ignored: another column already gives the same field");
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  /** {@code "'title', 'headline', 'text', …"}: the expected names, for messages. */
  static String expectedTextColumns() {
    List<String> expected = new ArrayList<>(Field.TITLE.aliases);
    expected.addAll(Field.TEXT.aliases);
    return quoted(expected);
  }

  static String quoted(List<String> names) {
    return names.stream().map(Messages::quote).collect(Collectors.joining(", "));
  }

  private static String known(String labelField) {
    List<String> known = new ArrayList<>();
    for (Field f : Field.values()) {
      known.add(f == Field.LABEL ? labelField : String.join("|", f.aliases));
    }
    known.add("split*");
    return String.join(", ", known);
  }
}
