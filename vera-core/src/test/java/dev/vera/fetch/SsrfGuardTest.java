package dev.vera.fetch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {
  private final SsrfGuard strict = new SsrfGuard(false);
  private final SsrfGuard open = new SsrfGuard(true);

  @Test
  void refusesLoopbackPrivateLinkLocalMetadataAndSpecialAddresses() {
    for (String url :
        List.of(
            "http://127.0.0.1/",
            "http://127.1.2.3:8080/x",
            "http://localhost/",
            "http://LOCALHOST:9/",
            "http://[::1]/",
            "http://10.0.0.1/",
            "http://10.255.1.2/admin",
            "http://172.16.0.1/",
            "http://172.31.255.255/",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://[fe80::1]/",
            "http://[fd00:ec2::254]/",
            "http://[fc00::1]/",
            "http://0.0.0.0/",
            "http://[::]/",
            "http://224.0.0.1/",
            "http://[ff02::1]/",
            "http://100.100.100.200/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:10.0.0.1]/",
            "http://[64:ff9b::a9fe:a9fe]/",
            "http://2130706433/",
            "http://0x7f000001/")) {
      FetchException e =
          assertThrows(FetchException.class, () -> strict.check(URI.create(url)), url);
      assertTrue(
          e.kind() == FetchException.Kind.REFUSED || e.kind() == FetchException.Kind.UNREACHABLE,
          url + " gave " + e.kind());
      if (!url.contains("2130706433") && !url.contains("0x7f")) {
        assertEquals(FetchException.Kind.REFUSED, e.kind(), url);
      }
    }
  }

  @Test
  void theMessageNamesTheAddressAndTheFlag() {
    FetchException e =
        assertThrows(FetchException.class, () -> strict.check(URI.create("http://localhost/")));
    assertTrue(e.getMessage().contains("loopback"), e.getMessage());
    assertTrue(e.getMessage().contains("--allow-private-hosts"), e.getMessage());
  }

  @Test
  void publicAddressesPass() {
    assertDoesNotThrow(() -> strict.check(URI.create("http://93.184.216.34/")));
    assertDoesNotThrow(() -> strict.check(URI.create("https://8.8.8.8/x")));
    assertDoesNotThrow(() -> strict.check(URI.create("http://172.32.0.1/")));
    assertDoesNotThrow(() -> strict.check(URI.create("http://[2606:4700::1111]/")));
  }

  @Test
  void theFlagAllowsPrivateHostsButNotOtherSchemes() {
    assertDoesNotThrow(() -> open.check(URI.create("http://127.0.0.1/")));
    assertDoesNotThrow(() -> open.check(URI.create("http://169.254.169.254/")));
    assertEquals(
        FetchException.Kind.BAD_URL,
        assertThrows(FetchException.class, () -> open.check(URI.create("file:///etc/passwd")))
            .kind());
    assertEquals(
        FetchException.Kind.BAD_URL,
        assertThrows(FetchException.class, () -> open.check(URI.create("gopher://x.example/")))
            .kind());
  }
}
