/** JSON API of the vendor index. */
@NullMarked
package io.ciamportal.vendor.api;

import org.jspecify.annotations.NullMarked;
