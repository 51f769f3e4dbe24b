package dev.vera.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.output.VerdictJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * How far a scan has durably got: the first {@code records} records of the input (in input order)
 * are in the output and errors files, which are {@code outputBytes} and {@code errorBytes} long at
 * that point; anything after those lengths is unfinished and cut off on resume.
 *
 * <p>Written only after both files are flushed and forced to disk, to a temporary file that is
 * itself forced and then renamed over the old checkpoint, so that a kill at any moment leaves
 * either the old or the new checkpoint, each describing bytes that are on disk.
 *
 * @param identity what the scan reads, with what model and options ({@link ScanIdentity})
 * @param complete whether the scan reached the end of its inputs
 */
record Checkpoint(
    JsonNode identity, long records, long outputBytes, long errorBytes, boolean complete) {
  static final String FORMAT = "vera-scan-checkpoint";
  static final int VERSION = 1;

  /** The checkpoint in {@code file}, or null when there is none. */
  static @Nullable Checkpoint read(Path file) throws IOException {
    JsonNode n;
    try {
      n = VerdictJson.mapper().readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new IOException("unreadable checkpoint " + file + ": " + e.getMessage(), e);
    }
    if (n == null || !FORMAT.equals(n.path("format").asText())) {
      throw new IOException(file + " is not a vera scan checkpoint");
    }
    if (n.path("version").asInt() != VERSION) {
      throw new IOException(
          file
              + " is a checkpoint of version "
              + n.path("version").asInt()
              + "; this Vera reads "
              + VERSION);
    }
    return new Checkpoint(
        n.path("scan"),
        n.path("records").asLong(),
        n.path("output_bytes").asLong(),
        n.path("error_bytes").asLong(),
        n.path("complete").asBoolean());
  }

  /** Replaces the checkpoint in {@code file} atomically and durably. */
  void write(Path file) throws IOException {
    ObjectNode n = VerdictJson.mapper().createObjectNode();
    n.put("format", FORMAT);
    n.put("version", VERSION);
    n.put("records", records);
    n.put("output_bytes", outputBytes);
    n.put("error_bytes", errorBytes);
    n.put("complete", complete);
    n.set("scan", identity);
    byte[] bytes = VerdictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    forceDirectory(file.toAbsolutePath().getParent());
  }

  /** Makes a rename durable; a no-op where directories cannot be opened (Windows). */
  private static void forceDirectory(@Nullable Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort: the rename itself is atomic; only its durability across power loss waits.
    }
  }
}
