package io.ciamportal.security.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.ciamportal.security.SecurityHeaders;
import org.springframework.stereotype.Component;

/**
 * Gives every inline script of Vaadin's bootstrap page a fresh nonce and sends the page's Content-Security-Policy with
 * it, so the browser runs those scripts and no other inline script (see {@link SecurityHeaders}).
 */
@Component
class ContentSecurityPolicyNonces implements VaadinServiceInitListener {

    private final SecurityHeaders headers;

    ContentSecurityPolicyNonces(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            String nonce = SecurityHeaders.newNonce();
            response.getDocument().getElementsByTag("script").attr("nonce", nonce);
            headers.writeBootstrapPage(response.getVaadinResponse()::setHeader, nonce);
        });
    }
}
