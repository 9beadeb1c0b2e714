/** Vendor index and vendor profile screens. */
@NullMarked
package io.ciamportal.vendor.ui;

import org.jspecify.annotations.NullMarked;
