package io.ciamportal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.forEach(System.out::println);
        MODULES.verify();
    }
}
