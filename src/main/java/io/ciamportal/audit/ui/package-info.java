/** The admin's audit view. */
@NullMarked
package io.ciamportal.audit.ui;

import org.jspecify.annotations.NullMarked;
