/**
 * Analysts' API tokens: the token file that {@code vera token} writes and {@code vera serve
 * --tokens} reads (one {@code NAME<TAB>HASH} line per analyst), and the salted hashes it holds in
 * place of the tokens themselves.
 */
@NullMarked
package dev.vera.server.tokens;

import org.jspecify.annotations.NullMarked;
