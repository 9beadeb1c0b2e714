/** What every API controller shares: JSON error answers, versions as ETags, downloads. */
@NamedInterface("api")
@NullMarked
package io.ciamportal.shared.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
