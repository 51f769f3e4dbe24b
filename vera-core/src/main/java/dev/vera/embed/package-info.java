/**
 * Sentence embeddings: the encoder's interface (implemented by the optional vera-embeddings
 * module), article vectors and their cache.
 *
 * <p>Internal: public for Vera's CLI, server and Spark job, not part of its API (that is {@link
 * dev.vera.api}), and free to change in any release.
 */
package dev.vera.embed;
