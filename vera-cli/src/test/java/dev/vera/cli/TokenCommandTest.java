package dev.vera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vera token add / revoke / list}: the token shown once, only its hash kept, errors named.
 */
class TokenCommandTest {
  @TempDir Path dir;

  @Test
  void addPrintsTheTokenOnceAndStoresOnlyItsHash() throws Exception {
    Path file = dir.resolve("tokens.tsv");
    Cli.Result r = Cli.expect(0, "token", "add", "ana", "--tokens", file.toString());
    List<String> out = r.outLines();
    assertEquals(1, out.size(), r.toString());
    String token = out.get(0);
    assertTrue(token.matches("vera_[A-Za-z0-9_-]{43}"), r.toString());
    assertTrue(r.err().contains("shown once") && r.err().contains(file.toString()), r.toString());
    String text = Files.readString(file);
    assertFalse(text.contains(token.substring(5, 20)), "the file holds the token: " + text);
    assertTrue(text.lines().anyMatch(l -> l.startsWith("ana\tsha256:")), text);

    Cli.Result again =
        Cli.expect(VeraCommand.EXIT_USAGE, "token", "add", "ana", "--tokens", file.toString());
    assertTrue(
        again.err().contains("ana has a token") && again.err().contains("vera token revoke ana"),
        again.toString());
    Cli.Result badName =
        Cli.expect(VeraCommand.EXIT_USAGE, "token", "add", "#ana", "--tokens", file.toString());
    assertTrue(badName.err().contains("cannot start with #"), badName.toString());
    Cli.expect(0, "token", "add", "Bob Ng", "--tokens", file.toString());

    assertEquals(
        List.of("ana", "Bob Ng"),
        Cli.expect(0, "token", "list", "--tokens", file.toString()).outLines());
    Cli.Result revoked = Cli.expect(0, "token", "revoke", "ana", "--tokens", file.toString());
    assertTrue(revoked.out().contains("Revoked ana's token"), revoked.toString());
    assertEquals(
        List.of("Bob Ng"), Cli.expect(0, "token", "list", "--tokens", file.toString()).outLines());
    Cli.Result unknown =
        Cli.expect(VeraCommand.EXIT_FAILED, "token", "revoke", "ana", "--tokens", file.toString());
    assertTrue(
        unknown.err().contains("no token for \"ana\"") && unknown.err().contains("Bob Ng"),
        unknown.toString());
  }

  @Test
  void aBadFileOrPlaceIsNamedAndTheFileIsRequired() throws Exception {
    Path file = dir.resolve("tokens.tsv");
    Files.writeString(file, "# team\nana\tsha256:x:y\n");
    Cli.Result r =
        Cli.expect(VeraCommand.EXIT_FAILED, "token", "list", "--tokens", file.toString());
    assertTrue(r.err().contains(file + ":2: the salt is not base64url"), r.toString());
    Cli.expect(VeraCommand.EXIT_FAILED, "token", "add", "bob", "--tokens", file.toString());
    assertEquals(
        "# team\nana\tsha256:x:y\n", Files.readString(file), "a bad file is left as it was");

    Path nowhere = dir.resolve("missing/tokens.tsv");
    Cli.Result w =
        Cli.expect(VeraCommand.EXIT_FAILED, "token", "add", "ana", "--tokens", nowhere.toString());
    assertTrue(w.err().contains(nowhere + ": cannot write: no such directory"), w.toString());
    assertTrue(w.out().isEmpty(), "no token shown that was not stored: " + w);

    Cli.Result noFile = Cli.expect(VeraCommand.EXIT_USAGE, "token", "add", "ana");
    assertTrue(noFile.err().contains("--tokens"), noFile.toString());
  }
}
