package org.customersegmentation.result;

import java.net.URI;
import java.util.UUID;
import org.customersegmentation.security.Tenant;

/** Where a result's HTML report opens; the report module provides it, since the paths are its own. */
public interface ReportLinks {

    /** A link that opens the report of the tenant's job in a browser, without an API key, until it expires. */
    URI reportUrl(Tenant tenant, UUID jobId);
}
