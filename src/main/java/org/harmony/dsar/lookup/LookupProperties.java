package org.harmony.dsar.lookup;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The data sources a subject's data is looked up in, with what the access report says about each
 * (GDPR Art 15(1)). Configuration, not code: a company adds its own systems here.
 *
 * @param sources the sources, looked up in this order
 */
@ConfigurationProperties("dsar.lookup")
public record LookupProperties(@DefaultValue List<Source> sources) {

    /**
     * @param name              a short id: letters, digits, dashes (used for file names in the package)
     * @param title             how the report names the source
     * @param query             SQL run on the engine's data source; {@code :email} is the subject's email
     * @param categories        categories of personal data held
     * @param purposes          what the data is used for
     * @param lawfulBasis       the lawful basis of the processing
     * @param recipients        who receives the data
     * @param retention         how long it is kept, or the criteria
     * @param origin            where the data comes from
     * @param providedBySubject whether the subject gave this data (portability covers it)
     */
    public record Source(
            String name,
            String title,
            String query,
            @DefaultValue List<String> categories,
            @DefaultValue List<String> purposes,
            String lawfulBasis,
            @DefaultValue List<String> recipients,
            String retention,
            String origin,
            @DefaultValue("true") boolean providedBySubject) {
    }
}
