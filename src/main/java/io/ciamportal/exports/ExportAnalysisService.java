package io.ciamportal.exports;

import io.ciamportal.shared.Roles;
import java.time.Clock;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Analyses an export and keeps nothing: the counts go back to the caller, the files are read once as they arrive.
 * Analysts and admins (the people who plan migrations).
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.ANALYST + "', '" + Roles.ADMIN + "')")
public class ExportAnalysisService {

    private final ExportLimits limits;
    private final Clock clock;

    ExportAnalysisService(ExportLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** An analyser for one request, configured from its options. */
    public ExportAnalyser analyser(Map<String, String> options) {
        return new ExportAnalyser(AnalysisOptions.parse(options, clock.instant()), limits);
    }
}
