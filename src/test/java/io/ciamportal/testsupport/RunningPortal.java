package io.ciamportal.testsupport;

import org.springframework.boot.test.web.server.LocalServerPort;

/** What every test against a running portal needs: its port and the demo accounts' password. */
public abstract class RunningPortal {

    public static final String DEMO_PASSWORD = "Demo-Password-2026";

    @LocalServerPort
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
