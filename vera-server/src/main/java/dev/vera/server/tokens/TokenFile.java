package dev.vera.server.tokens;

import dev.vera.io.OutputFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The analysts' token file: one {@code NAME<TAB>HASH} line per analyst, where HASH is a {@link
 * TokenHash} ({@code sha256:SALT:DIGEST}) and never the token; lines starting with {@code #} and
 * blank lines are comments, kept as they are when the file is written again. A wrong line stops the
 * reading with a message naming the file and the line number.
 *
 * <p>Immutable: {@link #add} and {@link #revoke} return a changed copy, which {@link #write()} puts
 * in place of the file atomically.
 */
public final class TokenFile {
  /** The longest analyst name, in characters. */
  public static final int MAX_NAME_CHARS = 64;

  private static final List<String> HEADER =
      List.of(
          "# Vera analysts' API tokens, one per line: NAME<TAB>"
              + TokenHash.SCHEME
              + ":SALT:DIGEST (hashes only, never tokens).",
          "# vera token add NAME --tokens FILE makes one; vera token revoke NAME --tokens FILE removes it.");

  private final Path path;
  private final List<Line> lines;

  /** One line of the file: a comment (or blank line) kept verbatim, or an analyst's entry. */
  private sealed interface Line permits Comment, Entry {}

  private record Comment(String text) implements Line {}

  private record Entry(String name, TokenHash hash) implements Line {}

  /** The file after {@link #add}, and the new token, to be shown once and then forgotten. */
  public record Added(TokenFile file, String token) {}

  private TokenFile(Path path, List<Line> lines) {
    this.path = path;
    this.lines = List.copyOf(lines);
  }

  /**
   * Reads and checks the whole file.
   *
   * @throws TokenFileException naming the file (and the line, for a wrong line): missing,
   *     unreadable, not UTF-8, a line without exactly one tab, a bad name, a name given twice, a
   *     hash this class cannot read, or a token where its hash belongs
   */
  public static TokenFile read(Path path) throws TokenFileException {
    String text = readText(path);
    List<Line> lines = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String[] raw = text.split("\n", -1);
    int count = text.endsWith("\n") ? raw.length - 1 : raw.length;
    for (int i = 0; i < count; i++) {
      int number = i + 1;
      String line = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        lines.add(new Comment(line));
        continue;
      }
      Entry e = entry(path, number, line);
      Integer first = seen.putIfAbsent(e.name(), number);
      if (first != null) {
        throw new TokenFileException(
            where(path, number)
                + "\""
                + e.name()
                + "\" is named twice (first on line "
                + first
                + "): one token per analyst");
      }
      lines.add(e);
    }
    return new TokenFile(path, lines);
  }

  /**
   * The file at {@code path}, or a new empty one (with a header saying what it is) if there is
   * none.
   */
  public static TokenFile readOrNew(Path path) throws TokenFileException {
    if (!Files.exists(path)) {
      return new TokenFile(path, HEADER.stream().<Line>map(Comment::new).toList());
    }
    return read(path);
  }

  private static Entry entry(Path path, int number, String line) throws TokenFileException {
    String[] fields = line.split("\t", -1);
    if (fields.length != 2) {
      throw new TokenFileException(
          where(path, number)
              + "expected NAME<TAB>HASH, found "
              + (fields.length == 1 ? "no tab" : fields.length + " tab-separated fields"));
    }
    String nameProblem = nameProblem(fields[0]);
    if (nameProblem != null) {
      throw new TokenFileException(where(path, number) + nameProblem);
    }
    if (fields[1].strip().startsWith(TokenHash.TOKEN_PREFIX)) {
      throw new TokenFileException(
          where(path, number)
              + "this line holds a token, not its hash: the file must never hold tokens. Delete the"
              + " line, consider that token exposed, and make a new one with vera token add "
              + fields[0]
              + " --tokens "
              + path);
    }
    try {
      return new Entry(fields[0], TokenHash.parse(fields[1].strip()));
    } catch (IllegalArgumentException e) {
      throw new TokenFileException(where(path, number) + e.getMessage(), e);
    }
  }

  private static String readText(Path path) throws TokenFileException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new TokenFileException(
          path + ": no such token file (make one with vera token add NAME --tokens " + path + ")",
          e);
    } catch (AccessDeniedException e) {
      throw new TokenFileException(path + ": cannot read the token file: permission denied", e);
    } catch (FileSystemException e) {
      throw new TokenFileException(path + ": cannot read the token file: " + e.getReason(), e);
    } catch (IOException e) {
      throw new TokenFileException(path + ": cannot read the token file: " + e.getMessage(), e);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new TokenFileException(path + ": not a token file: not UTF-8 text", e);
    }
  }

  private static String where(Path path, int line) {
    return path + ":" + line + ": ";
  }

  /**
   * What is wrong with {@code name} as an analyst's name, or null if nothing: it is stored with
   * every correction the analyst makes, so it must be one plain line.
   */
  public static @Nullable String nameProblem(String name) {
    if (name.isEmpty()) {
      return "the analyst's name is empty";
    }
    if (name.length() > MAX_NAME_CHARS) {
      return "the analyst's name is " + name.length() + " characters, over " + MAX_NAME_CHARS;
    }
    if (!name.strip().equals(name)) {
      return "the analyst's name \"" + name + "\" starts or ends with white space";
    }
    if (name.startsWith("#")) {
      return "an analyst's name cannot start with # (it marks a comment)";
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      int type = Character.getType(c);
      if (type == Character.CONTROL
          || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        return String.format("the analyst's name holds the control character U+%04X", c);
      }
      i += Character.charCount(c);
    }
    return null;
  }

  /** The file this was read from, or will be written to. */
  public Path path() {
    return path;
  }

  /** The analysts who have a token, in file order. */
  public List<String> names() {
    return entries().stream().map(Entry::name).toList();
  }

  /**
   * The analyst whose token this is. Every entry is hashed and compared (in constant time, {@link
   * TokenHash#matches}), whichever matches: the time taken does not tell which analyst, if any, it
   * was.
   */
  public Optional<String> analystOf(String token) {
    String found = null;
    for (Entry e : entries()) {
      if (e.hash().matches(token) && found == null) {
        found = e.name();
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * A new token for {@code name}, and the file with its hash added.
   *
   * @throws IllegalArgumentException when the name is not allowed, or already has a token
   */
  public Added add(String name) {
    String problem = nameProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    if (names().contains(name)) {
      throw new IllegalArgumentException(
          name
              + " has a token in "
              + path
              + " already; revoke it first (vera token revoke "
              + name
              + " --tokens "
              + path
              + ")");
    }
    String token = TokenHash.newToken();
    List<Line> next = new ArrayList<>(lines);
    next.add(new Entry(name, TokenHash.of(token)));
    return new Added(new TokenFile(path, next), token);
  }

  /**
   * The file without {@code name}'s token.
   *
   * @throws IllegalArgumentException when {@code name} has no token here
   */
  public TokenFile revoke(String name) {
    if (!names().contains(name)) {
      throw new IllegalArgumentException(
          "no token for \""
              + name
              + "\" in "
              + path
              + (names().isEmpty() ? " (it has none)" : "; it has " + String.join(", ", names())));
    }
    return new TokenFile(
        path,
        lines.stream().filter(l -> !(l instanceof Entry e && e.name().equals(name))).toList());
  }

  /**
   * Replaces the file with this content at once (a server reading it sees the old file or the new
   * one, never half of one), readable and writable by its owner only.
   */
  public void write() throws IOException {
    StringBuilder b = new StringBuilder();
    for (Line l : lines) {
      if (l instanceof Entry e) {
        b.append(e.name()).append('\t').append(e.hash());
      } else if (l instanceof Comment c) {
        b.append(c.text());
      }
      b.append('\n');
    }
    Path dir = path.toAbsolutePath().getParent();
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, ".vera-tokens", ".tmp", ownerOnly(dir));
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(path, e);
    }
    try {
      Files.writeString(tmp, b, StandardCharsets.UTF_8);
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(path, e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) {
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    return posix
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }

  private List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (Line l : lines) {
      if (l instanceof Entry e) {
        out.add(e);
      }
    }
    return out;
  }
}
