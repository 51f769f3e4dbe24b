/**
 * The model file format, model cards as text, and the bundled models by name.
 *
 * <p>Internal: public for Vera's CLI, server and Spark job, not part of its API (that is {@link
 * dev.vera.api}), and free to change in any release.
 */
package dev.vera.model.io;
