package org.customersegmentation.segmentation.callback;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Map;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.security.Tenant;
import org.springframework.stereotype.Component;

/**
 * Which URLs callbacks may go to, so that a caller cannot aim them at the service's own network: https only, and
 * never a private, loopback or link-local address, unless the operator allow-lists the host.
 */
@Component
public class CallbackTargets {

    private static final String TITLE = "Invalid callbackUrl";

    private final CallbackSettings settings;

    CallbackTargets(CallbackSettings settings) {
        this.settings = settings;
    }

    /** The URL, checked; null for none. A host that cannot be resolved now is checked again at delivery. */
    public URI checked(Tenant tenant, String url) {
        if (url == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalid("callbackUrl is not a URL.");
        }
        if (uri.getHost() == null || uri.getScheme() == null || !uri.getScheme().matches("(?i)https?")) {
            throw invalid("callbackUrl must be an absolute http(s) URL with a host.");
        }
        if (settings.secretOf(tenant.id()).isEmpty()) {
            throw invalid("No callback secret is configured for your tenant, so callbacks could not be signed; ask the "
                    + "operator to set segmentation.callbacks.secrets.");
        }
        if (!settings.allows(uri.getHost())) {
            if (!uri.getScheme().equalsIgnoreCase("https")) {
                throw invalid("callbackUrl must use https.");
            }
            try {
                requirePublic(uri);
            } catch (UnknownHostException notResolvableNow) {
                // checked again before each delivery
            }
        }
        return uri;
    }

    /** Refuses a target resolving to an address inside a network; allow-listed hosts are let through. */
    void requireDeliverable(URI uri) throws UnknownHostException {
        if (!settings.allows(uri.getHost())) {
            requirePublic(uri);
        }
    }

    private void requirePublic(URI uri) throws UnknownHostException {
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
                throw invalid("callbackUrl resolves to a private, loopback or link-local address, which callbacks may "
                        + "not reach.");
            }
        }
    }

    /** IPv6 unique local addresses (fc00::/7), the IPv6 counterpart of private networks. */
    private static boolean uniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static InvalidInputException invalid(String detail) {
        return new InvalidInputException(TITLE, detail, Map.of("parameter", "callbackUrl"));
    }
}
