/** The start page. */
@NullMarked
package io.ciamportal.home.ui;

import org.jspecify.annotations.NullMarked;
