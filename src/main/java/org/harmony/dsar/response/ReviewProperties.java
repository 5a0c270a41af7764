package org.harmony.dsar.response;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fourEyes when true, the person who approves or denies a response cannot be the person who completed the
 *                 case's previous task (prepared it)
 */
@ConfigurationProperties("dsar.review")
public record ReviewProperties(@DefaultValue("true") boolean fourEyes) {
}
