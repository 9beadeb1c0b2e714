/**
 * The six-question vendor selector: {@link io.ciamportal.selector.Answers} in, a ranked and explained shortlist out.
 * {@link io.ciamportal.selector.SelectorEngine} is pure (no Spring, no database); {@link io.ciamportal.selector.SelectorService}
 * is the feature's API: it validates answers, feeds the engine a snapshot of the vendor index, and keeps saved runs.
 */
@NullMarked
package io.ciamportal.selector;

import org.jspecify.annotations.NullMarked;
