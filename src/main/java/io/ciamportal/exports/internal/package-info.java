/** The analyser's readers, one per platform and container, and the streaming parsers they share. */
@NullMarked
package io.ciamportal.exports.internal;

import org.jspecify.annotations.NullMarked;
