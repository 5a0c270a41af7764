package org.harmony.dsar.breach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.SourceConnections;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who a breach affects, from the data source catalogue: everyone in the named sources and in every source holding one
 * of the named data categories, found by each source's {@code subjects} query.
 */
@Component
class AffectedPeople {

    private final DataSourceCatalogue catalogue;
    private final SourceConnections connections;
    private final BreachRecipients recipients;

    AffectedPeople(DataSourceCatalogue catalogue, SourceConnections connections, BreachRecipients recipients) {
        this.catalogue = catalogue;
        this.connections = connections;
        this.recipients = recipients;
    }

    /** What the breach touches, as recorded: source names, and the data categories involved. */
    record Scope(List<String> sources, List<String> categories) {
    }

    /**
     * Resolves the sources and categories the DPO named against the catalogue; 422 for an unknown name or a source
     * that cannot list its people.
     */
    Scope scope(List<String> sourceNames, List<String> categoryNames, boolean explicitSubjects) {
        Set<String> sources = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : sourceNames) {
            catalogue.find(name).ifPresentOrElse(source -> sources.add(source.name()), () -> unknown.add(name));
        }
        Set<String> knownCategories = new LinkedHashSet<>();
        catalogue.sources().forEach(source -> knownCategories.addAll(source.categories()));
        for (String category : categoryNames) {
            if (!knownCategories.contains(category)) {
                unknown.add(category);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-scope", "Unknown source or category",
                    "Not in the data source catalogue: " + String.join(", ", unknown) + ".");
        }
        catalogue.sources().stream().filter(source -> source.categories().stream().anyMatch(categoryNames::contains))
                .forEach(source -> sources.add(source.name()));
        List<String> withoutSubjects = sources.stream().filter(name -> catalogue.source(name).subjects() == null).toList();
        if (!withoutSubjects.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "source-cannot-list-subjects",
                    "Affected people cannot be found", "These sources have no subjects query in the catalogue: "
                            + String.join(", ", withoutSubjects) + ". Add one, or list the people explicitly.");
        }
        if (sources.isEmpty() && !explicitSubjects) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "nobody-affected", "Nobody affected",
                    "Name the affected sources, data categories or people.");
        }
        Set<String> categories = new LinkedHashSet<>(categoryNames);
        if (categories.isEmpty()) {
            sources.forEach(name -> categories.addAll(catalogue.source(name).categories()));
        }
        return new Scope(List.copyOf(sources), List.copyOf(categories));
    }

    /**
     * Writes everyone in the breach's sources to its recipients, once per address. Sources that say where people
     * live or which language they read go first, so that a person found in several sources keeps that.
     */
    long find(Breach breach) {
        long offered = 0;
        List<DataSourceCatalogue.Source> sources = breach.affectedSources().stream().map(catalogue::source)
                .sorted(Comparator.comparing((DataSourceCatalogue.Source source) ->
                        !("default".equals(source.connection())
                                && recipients.describesRegionOrLanguage(source.subjects().query()))))
                .toList();
        for (DataSourceCatalogue.Source source : sources) {
            String name = source.name();
            String query = source.subjects().query();
            offered += "default".equals(source.connection())
                    ? recipients.addFromQuery(breach.id(), name, query)
                    : recipients.addFromOtherDatabase(breach.id(), name, connections.jdbc(source.connection()), query);
        }
        return offered;
    }
}
