package org.harmony.dsar.breach.process;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.harmony.dsar.breach.DpoAlerts;
import org.springframework.stereotype.Component;

/** The members of the DPO group in Camunda's identity service. */
@Component
class DpoGroup {

    private final IdentityService identity;

    DpoGroup(IdentityService identity) {
        this.identity = identity;
    }

    List<DpoAlerts.Member> members() {
        return identity.createUserQuery().memberOfGroup(DpoAlerts.GROUP).list().stream()
                .map(user -> new DpoAlerts.Member(user.getId(), user.getEmail())).toList();
    }
}
