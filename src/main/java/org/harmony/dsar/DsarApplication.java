package org.harmony.dsar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DsarApplication {

    public static void main(String[] args) {
        SpringApplication.run(DsarApplication.class, args);
    }
}
