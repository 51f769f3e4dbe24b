package dev.vera.server.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The token file: what {@code vera token add} writes, what the server reads, and every wrong line
 * named.
 */
class TokenFileTest {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve("tokens.tsv");
  }

  @Test
  void addStoresOnlyASaltedHashAndTheTokenIsRecognisedAfterReadingBack() throws Exception {
    TokenFile.Added ana = TokenFile.readOrNew(file()).add("ana");
    ana.file().write();
    TokenFile.Added bob = TokenFile.read(file()).add("Bob Ng");
    bob.file().write();

    String text = Files.readString(file(), StandardCharsets.UTF_8);
    for (String token : List.of(ana.token(), bob.token())) {
      assertTrue(token.matches("vera_[A-Za-z0-9_-]{43}"), token);
      // Not the token, nor any piece of it long enough to help a guess.
      for (int i = 0; i + 8 <= token.length(); i++) {
        assertFalse(
            text.contains(token.substring(i, i + 8)), "the file holds part of a token: " + text);
      }
    }
    List<String> entries = text.lines().filter(l -> !l.startsWith("#")).toList();
    assertEquals(2, entries.size(), text);
    assertTrue(
        entries.get(0).matches("ana\tsha256:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]{43}"), entries.get(0));
    assertTrue(entries.get(1).startsWith("Bob Ng\tsha256:"), entries.get(1));
    assertTrue(text.startsWith("# Vera analysts' API tokens"), text);
    assertEquals(
        PosixFilePermissions.fromString("rw-------"),
        Files.getPosixFilePermissions(file()),
        "owner-only file");

    TokenFile read = TokenFile.read(file());
    assertEquals(List.of("ana", "Bob Ng"), read.names());
    assertEquals(Optional.of("ana"), read.analystOf(ana.token()));
    assertEquals(Optional.of("Bob Ng"), read.analystOf(bob.token()));
    String last = ana.token().substring(ana.token().length() - 1);
    String altered =
        ana.token().substring(0, ana.token().length() - 1) + (last.equals("A") ? "B" : "A");
    assertEquals(Optional.empty(), read.analystOf(altered));
    assertEquals(Optional.empty(), read.analystOf(ana.token() + "x"));
    assertEquals(Optional.empty(), read.analystOf(""));
  }

  @Test
  void theSameTokenHashesDifferentlyEachTimeAndBothHashesMatchIt() {
    String token = TokenHash.newToken();
    TokenHash a = TokenHash.of(token);
    TokenHash b = TokenHash.of(token);
    assertNotEquals(a.toString(), b.toString(), "a new salt each time");
    assertTrue(a.matches(token) && b.matches(token));
    assertTrue(TokenHash.parse(a.toString()).matches(token), "round trip through the file's form");
    assertFalse(TokenHash.parse(a.toString()).matches(TokenHash.newToken()));
  }

  @Test
  void newTokensAreDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertTrue(seen.add(TokenHash.newToken()));
    }
  }

  @Test
  void revokeRemovesOneAnalystAndKeepsEverythingElseAsItWas() throws Exception {
    Files.writeString(file(), "# our team\n\n");
    TokenFile.Added ana = TokenFile.read(file()).add("ana");
    TokenFile.Added bob = ana.file().add("bob");
    bob.file().write();
    String before = Files.readString(file());
    TokenFile.read(file()).revoke("ana").write();
    String after = Files.readString(file());
    assertEquals(before.replaceAll("(?m)^ana\t.*\n", ""), after);
    assertTrue(after.startsWith("# our team\n\n"), after);
    TokenFile read = TokenFile.read(file());
    assertEquals(List.of("bob"), read.names());
    assertEquals(Optional.empty(), read.analystOf(ana.token()));
    assertEquals(Optional.of("bob"), read.analystOf(bob.token()));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> read.revoke("ana"));
    assertTrue(
        e.getMessage().contains("no token for \"ana\"") && e.getMessage().contains("bob"),
        e.getMessage());
  }

  @Test
  void addRefusesATakenNameAndNamesThatCannotBeOneLine() throws Exception {
    TokenFile f = TokenFile.readOrNew(file()).add("ana").file();
    IllegalArgumentException taken =
        assertThrows(IllegalArgumentException.class, () -> f.add("ana"));
    assertTrue(
        taken.getMessage().contains("ana has a token") && taken.getMessage().contains("revoke"),
        taken.getMessage());
    for (String bad : List.of("", " ana", "ana\tx", "an\na", "#ana", "a".repeat(65), "ana\u202e")) {
      assertThrows(
          IllegalArgumentException.class, () -> f.add(bad), () -> "accepted \"" + bad + "\"");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no tab                   | ana sha256:x:y                                   | 3: expected NAME<TAB>HASH, found no tab
          three fields             | ana\\tsha256:x:y\\textra                           | 3: expected NAME<TAB>HASH, found 3 tab-separated fields
          empty name               | \\tGOODHASH                                       | 3: the analyst's name is empty
          name with a space first  | ' ana\\tGOODHASH'                                 | 3: the analyst's name " ana" starts or ends with white space
          a token, not its hash    | ana\\tvera_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA | 3: this line holds a token, not its hash
          unknown scheme           | ana\\tbcrypt:x:y                                  | 3: unknown hash scheme "bcrypt"
          too few parts            | ana\\tsha256:abc                                  | 3: the hash must read sha256:SALT:DIGEST, found 2 colon-separated parts
          salt not base64url       | ana\\tsha256:***:abc                              | 3: the salt is not base64url
          digest cut short         | ana\\tsha256:AAAAAAAAAAAAAAAAAAAAAA:AAAA           | 3: the digest is 3 bytes, not 32
          named twice              | keep\\tGOODHASH                                   | 3: "keep" is named twice (first on line 2)
          """)
  void aWrongLineIsNamedWithItsFileAndLineNumber(String what, String line, String expected)
      throws Exception {
    String good = TokenHash.of(TokenHash.newToken()).toString();
    String body =
        "# tokens\nkeep\t"
            + good
            + "\n"
            + line.replace("\\t", "\t").replace("GOODHASH", good)
            + "\nlast\t"
            + good
            + "\n";
    Files.writeString(file(), body, StandardCharsets.UTF_8);
    TokenFileException e =
        assertThrows(TokenFileException.class, () -> TokenFile.read(file()), what);
    assertTrue(e.getMessage().startsWith(file() + ":" + expected), what + ": " + e.getMessage());
  }

  @Test
  void aControlCharacterInANameIsNamedWithItsCodePoint() throws Exception {
    Files.writeString(file(), "an\u0007a\t" + TokenHash.of("x") + "\n");
    TokenFileException e = assertThrows(TokenFileException.class, () -> TokenFile.read(file()));
    assertEquals(
        file() + ":1: the analyst's name holds the control character U+0007", e.getMessage());
  }

  @Test
  void commentsBlankLinesCrLfAndAByteOrderMarkAreRead() throws Exception {
    String token = TokenHash.newToken();
    Files.writeString(
        file(), "\uFEFF# team\r\n\r\n   \r\nana\t" + TokenHash.of(token) + "\r\n# end");
    assertEquals(Optional.of("ana"), TokenFile.read(file()).analystOf(token));
  }

  @Test
  void aMissingUnreadableOrBinaryFileIsNamed() throws Exception {
    TokenFileException missing =
        assertThrows(TokenFileException.class, () -> TokenFile.read(file()));
    assertTrue(
        missing
            .getMessage()
            .startsWith(file() + ": no such token file (make one with vera token add"),
        missing.getMessage());

    Files.write(file(), new byte[] {'a', '\t', (byte) 0xC3, (byte) 0x28, '\n'});
    TokenFileException binary =
        assertThrows(TokenFileException.class, () -> TokenFile.read(file()));
    assertEquals(file() + ": not a token file: not UTF-8 text", binary.getMessage());

    TokenFileException directory =
        assertThrows(TokenFileException.class, () -> TokenFile.read(dir));
    assertTrue(
        directory.getMessage().startsWith(dir + ": cannot read the token file"),
        directory.getMessage());
  }

  @Test
  void writingIntoAMissingDirectoryNamesTheFile() {
    Path nowhere = dir.resolve("no/such/tokens.tsv");
    Exception e =
        assertThrows(Exception.class, () -> TokenFile.readOrNew(nowhere).add("ana").file().write());
    assertEquals(nowhere + ": cannot write: no such directory", e.getMessage());
  }
}
