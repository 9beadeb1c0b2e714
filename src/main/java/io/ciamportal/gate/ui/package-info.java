/** Security gates: gate board, gate page, sign-off inbox, migration audit. */
@NullMarked
package io.ciamportal.gate.ui;

import org.jspecify.annotations.NullMarked;
