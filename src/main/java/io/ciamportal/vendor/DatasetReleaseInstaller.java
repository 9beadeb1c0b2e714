package io.ciamportal.vendor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start-up, brings this installation up to the dataset release shipped in the jar ({@code db/dataset/}), in one
 * transaction: a fresh installation takes it whole, an older one is merged without losing its curators' changes
 * (docs/dataset.md). A shipped release that does not validate stops the start with the problems named.
 */
@Component
@Order(10)
class DatasetReleaseInstaller implements ApplicationRunner {

    private final DatasetReleases releases;

    DatasetReleaseInstaller(DatasetReleases releases) {
        this.releases = releases;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // most starts find the shipped release installed already: its checksum tells, without parsing the vendor files
        if (!releases.holds(DatasetFiles.stampFromClasspath())) {
            releases.apply(DatasetFiles.fromClasspath());
        }
    }
}
