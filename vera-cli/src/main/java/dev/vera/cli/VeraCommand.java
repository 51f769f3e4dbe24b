package dev.vera.cli;

import dev.vera.VeraVersion;
import dev.vera.embed.EncoderUnavailableException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vera} command: one subcommand per verb, each a thin adapter over {@code vera-core}.
 * Exit codes: 0 all went well; 1 some input records were rejected (the rest were processed); 2 bad
 * command-line usage; 3 the work could not be done (unreadable model, missing file, refused
 * evaluation).
 */
@Command(
    name = "vera",
    mixinStandardHelpOptions = true,
    versionProvider = VeraCommand.Version.class,
    description = "Vera: is this news article credible (✔) or fake (✖)? Calibrated, explained.",
    subcommands = {
      CheckCommand.class,
      ExplainCommand.class,
      ScanCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      ExperimentCommand.class,
      GeneralizationCommand.class,
      ModelCommand.class,
      BenchCommand.class,
      BenchScanCommand.class,
      ServeCommand.class,
      ClaimsCommand.class,
      IndexCommand.class,
      FeedbackCommand.class,
      TokenCommand.class,
      CommandLine.HelpCommand.class
    })
public final class VeraCommand implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_SOME_RECORDS_FAILED = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_FAILED = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line; tests call this with their own writers. */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new VeraCommand());
    // The help lists values in lower case (auto, jsonl, csv…): accept them as written.
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // Everything printed for a terminal shows control characters instead of obeying them; the
    // writers are wrapped at execution, so that callers (tests) may set their own before.
    cl.setExecutionStrategy(
        parseResult -> {
          CommandLine top = parseResult.commandSpec().commandLine();
          top.setOut(TerminalText.writer(top.getOut()));
          top.setErr(TerminalText.writer(top.getErr()));
          return new CommandLine.RunLast().execute(parseResult);
        });
    cl.setExecutionExceptionHandler(VeraCommand::handleFailure);
    // picocli asks this mapper for parse errors too (unknown option, bad value, missing
    // argument): those are usage errors, exit 2, not failures.
    cl.setExitCodeExceptionMapper(
        e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_FAILED);
    return cl;
  }

  /** Every failure becomes one clear line on stderr; no stack trace unless VERA_DEBUG is set. */
  private static int handleFailure(
      Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (e instanceof CommandLine.ParameterException pe) {
      err.println("vera: " + pe.getMessage());
      return EXIT_USAGE;
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    err.println(cl.getCommandSpec().qualifiedName() + ": " + message);
    if (e instanceof EncoderUnavailableException) {
      err.println(
          "vera: from the sources, 'mvn -B package' builds the full distribution"
              + " (vera-dist/target/vera-"
              + VeraVersion.get()
              + ".tar.gz); see docs/distribution.md");
    }
    if (System.getenv("VERA_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return e instanceof UsageException ? EXIT_USAGE : EXIT_FAILED;
  }

  /** Prints the Vera version and the Java runtime. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "vera " + VeraVersion.get(), "Java " + System.getProperty("java.version", "?")
      };
    }
  }

  /** A problem with what the user asked for (exit 2), detected after parsing. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
