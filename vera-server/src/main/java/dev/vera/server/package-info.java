/**
 * The REST API ({@code /api/v1}) and the analysts' web page ({@code /}): a thin Javalin adapter
 * over {@code vera-core} that judges articles with the same {@link dev.vera.model.CredibilityModel}
 * calls and writes them in the same JSON shape ({@link dev.vera.output.VerdictJson}) as {@code vera
 * check}.
 */
@NullMarked
package dev.vera.server;

import org.jspecify.annotations.NullMarked;
