/** JSON API of the audit log. */
@NullMarked
package io.ciamportal.audit.api;

import org.jspecify.annotations.NullMarked;
