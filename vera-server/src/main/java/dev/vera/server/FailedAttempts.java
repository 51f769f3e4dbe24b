package dev.vera.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wrong tokens per client address, counted over a fixed window from the first one: once an address
 * has sent {@code max} of them, it waits for the end of its window. Caffeine forgets a window when
 * it ends and bounds how many addresses are remembered, so a flood of addresses cannot grow the
 * server's memory.
 */
final class FailedAttempts {
  private static final long MAX_ADDRESSES = 100_000;

  private final int max;
  private final Duration window;
  private final Cache<String, Window> windows;

  private record Window(long startNanos, AtomicInteger failures) {}

  FailedAttempts(int max, Duration window) {
    this.max = max;
    this.window = window;
    // Incrementing the counter in place is no write: the window stays anchored at the first
    // failure.
    this.windows =
        Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_ADDRESSES).build();
  }

  /** Seconds until {@code address} may present a token again; 0 when it may now. */
  int waitSeconds(String address) {
    Window w = windows.getIfPresent(address);
    if (w == null || w.failures().get() < max) {
      return 0;
    }
    long leftNanos = window.toNanos() - (System.nanoTime() - w.startNanos());
    return (int) Math.max(1, (leftNanos + 999_999_999L) / 1_000_000_000L);
  }

  /** Counts a wrong token from {@code address}; answers how many it sent in its window so far. */
  int failed(String address) {
    return windows
        .get(address, a -> new Window(System.nanoTime(), new AtomicInteger()))
        .failures()
        .incrementAndGet();
  }

  int max() {
    return max;
  }
}
