/** Sign-in and user administration screens. */
@NullMarked
package io.ciamportal.security.ui;

import org.jspecify.annotations.NullMarked;
