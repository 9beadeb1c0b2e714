/** The selector wizard, its results and the saved runs. */
@NullMarked
package io.ciamportal.selector.ui;

import org.jspecify.annotations.NullMarked;
