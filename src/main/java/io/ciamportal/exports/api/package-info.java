/** The export analyser's HTTP API: analyse a file and store nothing. */
@NullMarked
package io.ciamportal.exports.api;

import org.jspecify.annotations.NullMarked;
