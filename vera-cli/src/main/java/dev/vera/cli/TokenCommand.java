package dev.vera.cli;

import dev.vera.server.tokens.TokenFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vera token}: the analysts' API tokens of a team server ({@code vera serve --tokens FILE}).
 * The file keeps a salted hash of each token, never the token, which {@code add} shows once; a
 * running server sees every change from its next request.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Analysts' API tokens for vera serve --tokens FILE: 'add NAME' makes one and prints it once,"
          + " 'revoke NAME' removes it, 'list' names who has one.",
      "FILE holds one NAME<TAB>HASH line per analyst (a salted SHA-256, never the token). A running"
          + " server reads it again when it changes: no restart needed."
    },
    subcommands = {TokenCommand.Add.class, TokenCommand.Revoke.class, TokenCommand.ListNames.class})
public final class TokenCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The token file every subcommand works on. */
  static final class FileOption {
    @Option(
        names = "--tokens",
        required = true,
        paramLabel = "FILE",
        description = "The token file (as given to vera serve --tokens); add creates it.")
    Path file;
  }

  /** {@code vera token add NAME}: a new token, printed once; only its hash is stored. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Make a token for NAME and print it once on standard output (only its hash is stored in"
              + " FILE, created if missing, readable by its owner only). The analyst pastes it into"
              + " the web page when asked, or sends Authorization: Bearer TOKEN.")
  static final class Add implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        paramLabel = "NAME",
        description = "The analyst's name, stored with each of their corrections.")
    String name;

    @CommandLine.Mixin FileOption tokens;

    @Override
    public Integer call() throws Exception {
      TokenFile.Added added;
      try {
        added = TokenFile.readOrNew(tokens.file).add(name);
      } catch (IllegalArgumentException e) {
        throw new VeraCommand.UsageException(e.getMessage());
      }
      added.file().write();
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "vera token add: a token for "
              + name
              + ", stored as its hash in "
              + tokens.file
              + ". It is shown once, below: give it to "
              + name
              + " over a private channel. A running vera serve --tokens "
              + tokens.file
              + " accepts it from its next request.");
      err.flush();
      // The token alone on standard output, so that a script can take it: TOKEN=$(vera token add
      // …).
      PrintWriter out = spec.commandLine().getOut();
      out.println(added.token());
      out.flush();
      return VeraCommand.EXIT_OK;
    }
  }

  /** {@code vera token revoke NAME}: the token stops working. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description =
          "Remove NAME's token from FILE; a running server refuses it from its next request.")
  static final class Revoke implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The analyst whose token to revoke.")
    String name;

    @CommandLine.Mixin FileOption tokens;

    @Override
    public Integer call() throws Exception {
      TokenFile.read(tokens.file).revoke(name).write();
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "Revoked "
              + name
              + "'s token in "
              + tokens.file
              + "; a running vera serve --tokens "
              + tokens.file
              + " refuses it from its next request. Corrections already stored keep their name.");
      out.flush();
      return VeraCommand.EXIT_OK;
    }
  }

  /** {@code vera token list}: who has a token. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Name the analysts who have a token, one per line.")
  static final class ListNames implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin FileOption tokens;

    @Override
    public Integer call() throws Exception {
      List<String> names = TokenFile.read(tokens.file).names();
      PrintWriter out = spec.commandLine().getOut();
      names.forEach(out::println);
      out.flush();
      spec.commandLine()
          .getErr()
          .println(
              names.size()
                  + (names.size() == 1 ? " analyst has" : " analysts have")
                  + " a token in "
                  + tokens.file);
      return VeraCommand.EXIT_OK;
    }
  }
}
