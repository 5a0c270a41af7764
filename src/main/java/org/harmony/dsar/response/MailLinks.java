package org.harmony.dsar.response;

import java.time.Clock;
import java.util.Map;

import org.harmony.dsar.appeal.Appeals;
import org.harmony.dsar.fulfilment.AccessPackages;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequesterLinks;
import org.springframework.stereotype.Component;

/**
 * The requester's personal links in a mail: status, identity, package and, for a denial under a law that gives an
 * appeal, the appeal link that works for the appeal window ({@link Appeals}), with what the appeal stands at.
 */
@Component
class MailLinks {

    private final RequesterLinks links;
    private final Appeals appeals;
    private final AccessPackages packages;
    private final Clock clock;

    MailLinks(RequesterLinks links, Appeals appeals, AccessPackages packages, Clock clock) {
        this.links = links;
        this.appeals = appeals;
        this.packages = packages;
        this.clock = clock;
    }

    /** @param denial whether the mail denies the request in whole or in part */
    void addTo(Map<String, Object> model, DsarRequest request, boolean denial) {
        String requestId = request.id();
        String token = links.issueToken(requestId);
        model.put("statusUrl", links.statusUrl(request.reference(), token));
        model.put("identityUrl", links.identityUrl(request.reference(), token));
        model.put("verifyPageUrl", links.verifyPageUrl(request.reference()));
        model.putAll(appeals.mailModel(request));
        if (denial) {
            appeals.offer(request).ifPresent(until -> {
                model.put("appealUrl", links.appealUrl(request.reference(), links.issueToken(requestId, until)));
                model.put("appealUntil", MailFacts.date(until, request));
            });
        }
        packages.latest(requestId).filter(latest -> latest.isDownloadable(clock.instant())).ifPresent(latest -> {
            model.put("packageUrl", links.packageUrl(request.reference(), token));
            model.put("packageExpiryDate", MailFacts.date(latest.expiresAt(), request));
        });
    }
}
