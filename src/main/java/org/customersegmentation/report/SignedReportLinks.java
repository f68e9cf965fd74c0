package org.customersegmentation.report;

import java.net.URI;
import java.util.UUID;
import org.customersegmentation.result.ReportLinks;
import org.customersegmentation.security.ReportTokens;
import org.customersegmentation.security.Tenant;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links to the report page that carry a signed token, relative to the request being answered. */
@Component
class SignedReportLinks implements ReportLinks {

    private final ReportTokens tokens;

    SignedReportLinks(ReportTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public URI reportUrl(Tenant tenant, UUID jobId) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(ReportController.PATH)
                .queryParam("token", tokens.issue(tenant, jobId)).buildAndExpand(jobId).toUri();
    }
}
