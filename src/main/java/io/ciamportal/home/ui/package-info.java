/** The application shell: the main layout with the navigation and the signed-in user, the start page and the error pages. */
@NullMarked
package io.ciamportal.home.ui;

import org.jspecify.annotations.NullMarked;
