package dev.vera.server;

import dev.vera.fetch.FetchOptions;
import dev.vera.io.ReaderOptions;

/**
 * How the server listens and what it accepts.
 *
 * @param host the interface to bind (127.0.0.1 by default: expose it on purpose)
 * @param port the port; 0 picks a free one
 * @param maxBodyBytes the largest request body, in bytes
 * @param maxArticleBytes the largest article (UTF-8 title plus text), as {@code vera check}
 * @param maxBatchSize the most articles in one {@code POST /check/batch}
 * @param fetch how {@code {url}} inputs are fetched, including whether private hosts are allowed
 */
public record ServerConfig(
    String host,
    int port,
    long maxBodyBytes,
    long maxArticleBytes,
    int maxBatchSize,
    FetchOptions fetch) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_BODY_BYTES = 10_000_000;
  public static final int DEFAULT_MAX_BATCH_SIZE = 1000;

  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must lie in 0..65535, was " + port);
    }
    if (maxBodyBytes <= 0 || maxArticleBytes <= 0 || maxBatchSize <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public static ServerConfig defaults() {
    return new ServerConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        DEFAULT_MAX_BODY_BYTES,
        ReaderOptions.DEFAULT_MAX_ARTICLE_BYTES,
        DEFAULT_MAX_BATCH_SIZE,
        FetchOptions.defaults());
  }

  public ServerConfig withHost(String h) {
    return new ServerConfig(h, port, maxBodyBytes, maxArticleBytes, maxBatchSize, fetch);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(host, p, maxBodyBytes, maxArticleBytes, maxBatchSize, fetch);
  }

  public ServerConfig withMaxBodyBytes(long max) {
    return new ServerConfig(host, port, max, maxArticleBytes, maxBatchSize, fetch);
  }

  public ServerConfig withMaxArticleBytes(long max) {
    return new ServerConfig(host, port, maxBodyBytes, max, maxBatchSize, fetch);
  }

  public ServerConfig withMaxBatchSize(int max) {
    return new ServerConfig(host, port, maxBodyBytes, maxArticleBytes, max, fetch);
  }

  public ServerConfig withFetch(FetchOptions f) {
    return new ServerConfig(host, port, maxBodyBytes, maxArticleBytes, maxBatchSize, f);
  }

  public ServerConfig withAllowPrivateHosts(boolean allow) {
    return withFetch(fetch.withAllowPrivateHosts(allow));
  }
}
