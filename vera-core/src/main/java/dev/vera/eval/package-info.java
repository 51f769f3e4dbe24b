/**
 * Honest evaluation of fake-versus-real classification: decision metrics beside a majority
 * baseline, ranking metrics, calibration, and the reports (JSON, terminal table, HTML page) that
 * show them. Fake is the positive class throughout.
 *
 * <p>Internal: public for Vera's CLI, server and Spark job, not part of its API (that is {@link
 * dev.vera.api}), and free to change in any release.
 */
@NullMarked
package dev.vera.eval;

import org.jspecify.annotations.NullMarked;
