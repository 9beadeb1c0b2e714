/**
 * Security gates: six per migration, each with criteria, evidence and sign-offs. {@link io.ciamportal.gate.Gate}
 * changes state only through its guarded methods (four eyes, outdating); {@link io.ciamportal.gate.GateService} is
 * the feature's API and checks role and membership in every method.
 */
@NullMarked
package io.ciamportal.gate;

import io.ciamportal.gate.internal.Gate;
import org.jspecify.annotations.NullMarked;
