/**
 * Rehearsal data: a synthetic export of the same platform and mix as an analysis, with made-up people, real hashes
 * of throwaway passwords and a clear-text answer key, so a team can rehearse an import on a staging destination.
 * Nothing here reads a real export; see {@link io.ciamportal.exports.RehearsalExport}.
 */
@NullMarked
package io.ciamportal.exports.rehearsal;

import org.jspecify.annotations.NullMarked;
