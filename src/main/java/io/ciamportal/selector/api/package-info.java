/** {@code /api/v1/selector}: run the selector and read its option lists. */
@NullMarked
package io.ciamportal.selector.api;

import org.jspecify.annotations.NullMarked;
