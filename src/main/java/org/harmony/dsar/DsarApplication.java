package org.harmony.dsar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Spring Security guards only the project's own endpoints ({@code system.StaffSecurity} registers its filter on
 * those paths): Boot's registration on every path and its generated default user are left out.
 */
@SpringBootApplication(exclude = {SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConfigurationPropertiesScan
public class DsarApplication {

    public static void main(String[] args) {
        SpringApplication.run(DsarApplication.class, args);
    }
}
