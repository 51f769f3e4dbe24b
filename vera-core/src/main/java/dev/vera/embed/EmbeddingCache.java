package dev.vera.embed;

import dev.vera.article.Article;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Article embeddings kept on disk between training runs, keyed by the article's content hash, in
 * one file per encoder and embedder setting: embedding GossipCop's training part takes minutes,
 * reading it back a second. The file is {@code <dir>/<encoder id>-w<windows>.bin}, in a directory
 * the caller chooses (training's comes from its {@code TrainingEnvironment}): a magic line, then
 * records of a content hash and {@link ArticleEmbedder#DIMENSION} floats. It is rewritten whole
 * through a temporary file, so a reader never sees half a record; a damaged or foreign file is
 * ignored and replaced.
 */
public final class EmbeddingCache {
  private static final String MAGIC = "vera-embeddings 1";

  private final @Nullable Path file;
  private final Map<Long, float[]> vectors;
  private boolean changed;

  private EmbeddingCache(@Nullable Path file, Map<Long, float[]> vectors) {
    this.file = file;
    this.vectors = vectors;
  }

  /** The cache for an encoder and window count in {@code dir} (none when null). */
  public static EmbeddingCache open(@Nullable Path dir, String encoderId, int bodyWindows) {
    if (dir == null) {
      return new EmbeddingCache(null, new HashMap<>());
    }
    Path f =
        dir.resolve(encoderId.replaceAll("[^A-Za-z0-9._-]", "_") + "-w" + bodyWindows + ".bin");
    return new EmbeddingCache(f, read(f));
  }

  private static Map<Long, float[]> read(Path f) {
    Map<Long, float[]> out = new HashMap<>();
    if (!Files.isRegularFile(f)) {
      return out;
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
      if (!MAGIC.equals(in.readUTF()) || in.readInt() != ArticleEmbedder.DIMENSION) {
        return new HashMap<>();
      }
      while (true) {
        long hash;
        try {
          hash = in.readLong();
        } catch (EOFException end) {
          return out;
        }
        float[] v = new float[ArticleEmbedder.DIMENSION];
        for (int i = 0; i < v.length; i++) {
          v[i] = in.readFloat();
        }
        out.put(hash, v);
      }
    } catch (IOException e) {
      // A damaged cache is only lost time: start afresh.
      return new HashMap<>();
    }
  }

  /**
   * The embeddings of the articles, in order: from the cache where present, else computed by {@code
   * embedder} (an {@link ArticleEmbedder}'s {@code embed}) on all cores.
   */
  public float[][] embedAll(
      Function<Article, float[]> embedder, List<Article> articles, LongConsumer progress) {
    float[][] out = new float[articles.size()][];
    long[] hashes = new long[articles.size()];
    for (int i = 0; i < out.length; i++) {
      hashes[i] = articles.get(i).contentHash();
      out[i] = vectors.get(hashes[i]);
    }
    AtomicLong done = new AtomicLong();
    int total = out.length;
    IntStream.range(0, total)
        .parallel()
        .forEach(
            i -> {
              if (out[i] == null) {
                out[i] = embedder.apply(articles.get(i));
              }
              long d = done.incrementAndGet();
              if (d % 64 == 0 || d == total) {
                synchronized (progress) {
                  progress.accept(d);
                }
              }
            });
    for (int i = 0; i < out.length; i++) {
      if (vectors.putIfAbsent(hashes[i], out[i]) == null) {
        changed = true;
      }
    }
    return out;
  }

  /**
   * Writes the cache back when it gained entries (nothing when no cache directory is known). A
   * cache that cannot be written costs time on the next run, nothing else: the failure is returned,
   * not thrown.
   *
   * @return null, or why the cache could not be written
   */
  public @Nullable String save() {
    if (file == null || !changed) {
      return null;
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".embeddings", ".tmp");
      try {
        try (DataOutputStream out =
            new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
          out.writeUTF(MAGIC);
          out.writeInt(ArticleEmbedder.DIMENSION);
          for (Map.Entry<Long, float[]> e : vectors.entrySet()) {
            out.writeLong(e.getKey());
            for (float f : e.getValue()) {
              out.writeFloat(f);
            }
          }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      changed = false;
      return null;
    } catch (IOException e) {
      return "could not write the embedding cache " + file + ": " + e.getMessage();
    }
  }
}
