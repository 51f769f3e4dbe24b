/**
 * Honest evaluation of fake-versus-real classification: decision metrics beside a majority
 * baseline, ranking metrics, calibration, and the reports (JSON, terminal table, HTML page) that
 * show them. Fake is the positive class throughout.
 */
@NullMarked
package dev.vera.eval;

import org.jspecify.annotations.NullMarked;
