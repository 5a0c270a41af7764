package org.harmony.dsar.lookup.process;

import java.util.List;

import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.springframework.stereotype.Component;

/**
 * The collection the multi-instance lookup runs over: {@code ${lookupSources.names()}}, the catalogue's source
 * names at the moment the lookup starts.
 */
@Component
public class LookupSources {

    private final DataSourceCatalogue catalogue;

    LookupSources(DataSourceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public List<String> names() {
        return catalogue.sourceNames();
    }
}
