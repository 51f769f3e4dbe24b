package dev.vera.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vera.io.OutputFiles;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A scan's output and errors files, appended to line by line and made durable now and then: every
 * {@link ScanJob#commitEvery()} records or second, both files are flushed and forced to disk, and
 * only then is the checkpoint replaced (atomically) with the records written and both lengths. Used
 * by one thread.
 */
final class ScanOutput implements Closeable {
  private static final long COMMIT_NANOS = 1_000_000_000L;

  private final ScanJob job;
  private final JsonNode identity;
  private final FileChannel out;
  private final FileChannel err;
  private final OutputStream outStream;
  private final OutputStream errStream;
  private long records;
  private long outBytes;
  private long errBytes;
  private long sinceCommit;
  private long lastCommit = System.nanoTime();

  private ScanOutput(ScanJob job, Checkpoint at, FileChannel out, FileChannel err) {
    this.job = job;
    this.identity = at.identity();
    this.out = out;
    this.err = err;
    this.outStream = new BufferedOutputStream(Channels.newOutputStream(out), 1 << 16);
    this.errStream = new BufferedOutputStream(Channels.newOutputStream(err), 1 << 14);
    this.records = at.records();
    this.outBytes = at.outputBytes();
    this.errBytes = at.errorBytes();
  }

  /**
   * Opens both files where {@code at} leaves them, cutting off whatever follows (what a killed run
   * wrote after its last checkpoint), and creating them when missing.
   */
  static ScanOutput openAt(ScanJob job, Checkpoint at) throws IOException {
    FileChannel out = openAt(job.output(), at.outputBytes());
    try {
      return new ScanOutput(job, at, out, openAt(job.errors(), at.errorBytes()));
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  private static FileChannel openAt(Path file, long length) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      ch.truncate(length);
      ch.position(length);
      ch.force(false);
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    return ch;
  }

  /** Appends one record's line (to the errors file when {@code failed}); commits when due. */
  void write(byte[] line, boolean failed) throws IOException {
    if (failed) {
      put(errStream, line, job.errors());
      errBytes += line.length;
    } else {
      put(outStream, line, job.output());
      outBytes += line.length;
    }
    records++;
    sinceCommit++;
    long now = System.nanoTime();
    if (sinceCommit >= job.commitEvery() || now - lastCommit >= COMMIT_NANOS) {
      commit(false);
      lastCommit = now;
      sinceCommit = 0;
    }
  }

  /** Records in the files so far, those of earlier runs included. */
  long records() {
    return records;
  }

  /**
   * Makes everything written durable, then records it in the checkpoint.
   *
   * @param complete whether the scan has reached the end of its inputs
   */
  void commit(boolean complete) throws IOException {
    try {
      outStream.flush();
      out.force(false);
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(job.output(), e);
    }
    try {
      errStream.flush();
      err.force(false);
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(job.errors(), e);
    }
    try {
      new Checkpoint(identity, records, outBytes, errBytes, complete).write(job.checkpoint());
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(job.checkpoint(), e);
    }
  }

  /** Writes one line, naming the file when that fails (a full disk says not which). */
  private static void put(OutputStream stream, byte[] line, Path file) throws IOException {
    try {
      stream.write(line);
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(file, e);
    }
  }

  /** Closes both files without committing: what was not committed is cut off on resume. */
  @Override
  public void close() throws IOException {
    try {
      out.close();
    } finally {
      err.close();
    }
  }
}
