/**
 * Vera's Java API: load a model ({@link dev.vera.api.Vera#load(String)}), judge articles ({@link
 * dev.vera.api.Vera#check(Article)}), ask why ({@link dev.vera.api.Vera#explain(Article)}) and read
 * what the model is ({@link dev.vera.api.Vera#card()}).
 *
 * <p>This is the only package of vera-core an application needs, and the only one whose types keep
 * their shape from one release to the next. Every other package ({@code dev.vera.model}, {@code
 * dev.vera.text}, {@code dev.vera.io}, …) is Vera's own machinery, shared with its CLI, server and
 * Spark job: public for them, internal for everyone else.
 */
@NullMarked
package dev.vera.api;

import org.jspecify.annotations.NullMarked;
