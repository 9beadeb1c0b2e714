package io.ciamportal.shared.api;

import io.ciamportal.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Catches API paths that no controller serves, so they answer 404 as JSON instead of falling through to the UI's
 * HTML "not found" page. More specific mappings always win over this pattern.
 */
@RestController
@PreAuthorize("isAuthenticated()")
class ApiFallbackController {

    @RequestMapping("/api/**")
    void none() {
        throw new NotFoundException("There is no such endpoint. The API lives under /api/v1.");
    }
}
