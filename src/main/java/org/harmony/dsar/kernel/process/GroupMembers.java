package org.harmony.dsar.kernel.process;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** The members of a staff group (Camunda identity) who have an email address, for the mails sent to the group. */
@Component
public class GroupMembers {

    /** A member who can be mailed. */
    public record Member(String id, String email) {
    }

    private final IdentityService identity;

    GroupMembers(IdentityService identity) {
        this.identity = identity;
    }

    public List<Member> withEmail(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).list().stream()
                .filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
                .map(user -> new Member(user.getId(), user.getEmail()))
                .toList();
    }
}
