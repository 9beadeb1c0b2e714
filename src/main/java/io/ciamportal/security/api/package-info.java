/** JSON API for the signed-in user and for user administration. */
@NullMarked
package io.ciamportal.security.api;

import org.jspecify.annotations.NullMarked;
