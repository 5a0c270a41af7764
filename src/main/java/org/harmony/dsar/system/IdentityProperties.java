package org.harmony.dsar.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who works the engine. Groups and their authorizations always exist; users with passwords only where
 * configured (the demo profile), so no default password reaches production.
 *
 * @param groups the working groups; each sees and works only the tasks meant for it
 * @param users  users to create at start-up if missing
 */
@ConfigurationProperties("dsar.identity")
public record IdentityProperties(
        @DefaultValue List<Group> groups,
        @DefaultValue List<User> users) {

    public record Group(String id, String name) {
    }

    public record User(String id, String password, String firstName, String lastName, String email,
            @DefaultValue List<String> groups) {
    }
}
