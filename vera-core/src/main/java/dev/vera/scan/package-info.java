/**
 * Resumable batch scoring of whole archives: one reader, a pool of scorers, and a writer that puts
 * verdicts back in input order, makes them durable and records a checkpoint after each durable
 * batch, so that a scan killed at any moment resumes to the byte-identical output of an
 * uninterrupted run. The scan knows nothing of any command line: adapters give it a {@link
 * dev.vera.scan.ScanJob} and a {@link dev.vera.scan.ScanListener}.
 *
 * <p>Internal: public for Vera's CLI, server and Spark job, not part of its API (that is {@link
 * dev.vera.api}), and free to change in any release.
 */
@NullMarked
package dev.vera.scan;

import org.jspecify.annotations.NullMarked;
