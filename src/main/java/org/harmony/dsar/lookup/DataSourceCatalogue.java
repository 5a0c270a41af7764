package org.harmony.dsar.lookup;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.harmony.dsar.request.ObjectionScope;
import org.harmony.dsar.request.RequestType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The catalogue of data sources, read from its own YAML file (see {@code data-sources.yml}). When the file is on
 * the file system, a change is picked up at the next use, without a restart; a file that does not validate is
 * refused with a log line and the previous catalogue stays in force.
 */
@Component
public class DataSourceCatalogue {

    private static final Logger log = LoggerFactory.getLogger(DataSourceCatalogue.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,127}");
    private static final Set<String> SUBJECT_KEYS = Arrays.stream(SubjectKey.Type.values())
            .map(SubjectKey.Type::dataPoint).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> HTTP_CHANGE_METHODS = Set.of("DELETE", "POST", "PUT", "PATCH");

    private static final ObjectMapper YAML_BINDING = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new JavaTimeModule())
            .build();

    private final Resource resource;
    private final Duration reloadCheck;
    private final Clock clock;
    private volatile Catalogue current;
    private volatile long loadedModified;
    private volatile Instant nextCheck = Instant.MIN;

    DataSourceCatalogue(CatalogueProperties properties, ResourceLoader resources, Clock clock) {
        if (properties.location() == null || properties.location().isBlank()) {
            throw new IllegalStateException("No data source catalogue: set dsar.catalogue.location (DSAR_CATALOGUE)");
        }
        this.resource = resources.getResource(properties.location());
        this.reloadCheck = properties.reloadCheck();
        this.clock = clock;
        this.current = load(resource);
        this.loadedModified = lastModified();
        if (current.sources().isEmpty()) {
            log.warn("Data source catalogue {} lists no sources: every lookup finds nothing", resource);
        } else {
            log.info("Data source catalogue {}: {} sources", resource, current.sources().size());
        }
    }

    /** The sources, in the order the catalogue lists them. */
    public List<Source> sources() {
        reloadIfChanged();
        return current.sources();
    }

    public List<String> sourceNames() {
        return sources().stream().map(Source::name).toList();
    }

    public Source source(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No data source '" + name + "' in the catalogue"));
    }

    public Optional<Source> find(String name) {
        return sources().stream().filter(source -> source.name().equals(name)).findFirst();
    }

    /** The consents the company asks for, in the order the catalogue lists them; each can be withdrawn alone. */
    public List<Consent> consents() {
        reloadIfChanged();
        return current.consents();
    }

    public Optional<Consent> consent(String name) {
        return consents().stream().filter(consent -> consent.name().equals(name)).findFirst();
    }

    /** Reads the file again if it changed since it was loaded; returns whether a new catalogue is in force. */
    public synchronized boolean reloadIfChanged() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return false;
        }
        nextCheck = now.plus(reloadCheck);
        long modified = lastModified();
        if (modified == loadedModified) {
            return false;
        }
        try {
            current = load(resource);
            loadedModified = modified;
            log.info("Data source catalogue reloaded from {}: {} sources", resource, current.sources().size());
            return true;
        } catch (RuntimeException e) {
            loadedModified = modified;
            log.error("Data source catalogue {} changed but is invalid; the previous catalogue stays in force",
                    resource, e);
            return false;
        }
    }

    private long lastModified() {
        try {
            if (!resource.isFile()) {
                return 0;
            }
            File file = resource.getFile();
            return file.lastModified() ^ file.length();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Reads and validates a catalogue file: YAML, kebab-case keys, enum values in any case. */
    static Catalogue load(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Catalogue catalogue = YAML_BINDING.convertValue(yaml == null ? Map.of() : yaml, Catalogue.class);
            validate(catalogue);
            return catalogue;
        } catch (IOException e) {
            throw new UncheckedIOException("Data source catalogue " + resource + " could not be read", e);
        }
    }

    private static void validate(Catalogue catalogue) {
        Set<String> consents = new HashSet<>();
        for (Consent consent : catalogue.consents()) {
            require(consent.name() != null && NAME.matcher(consent.name()).matches(),
                    "consent name '" + consent.name() + "' must be lower-case letters, digits and dashes");
            require(consents.add(consent.name()), "consent name '" + consent.name() + "' appears twice");
            require(consent.title() != null && consent.purpose() != null,
                    consent.name() + ": a consent needs title and purpose");
        }
        Set<String> withdrawable = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Source source : catalogue.sources()) {
            require(source.name() != null && NAME.matcher(source.name()).matches(),
                    "source name '" + source.name() + "' must be lower-case letters, digits and dashes");
            require(names.add(source.name()), "source name '" + source.name() + "' appears twice");
            require(source.title() != null, source.name() + ": title is missing");
            if (source.type() == SourceType.JDBC) {
                require(source.query() != null, source.name() + ": a jdbc source needs a query");
            } else {
                require(source.http() != null && source.http().url() != null, source.name() + ": an http source needs http.url");
            }
            if (source.subjects() != null) {
                require(source.subjects().query() != null && source.type() == SourceType.JDBC,
                        source.name() + ": subjects needs a query, on a jdbc source");
            }
            if (source.keyedBy() != null) {
                require(names.contains(source.keyedBy().source()),
                        source.name() + ": keyed-by names " + source.keyedBy().source() + ", which must come before it");
            }
            for (ErasureAction action : source.erasure()) {
                require(IDENTIFIER.matcher(String.valueOf(action.table())).matches(), source.name() + ": erasure table");
                if (source.type() == SourceType.HTTP) {
                    require(action.url() != null && action.action() == ErasureKind.DELETE
                            && HTTP_CHANGE_METHODS.contains(action.method()),
                            source.name() + ": erasure of " + action.table() + " needs url and a method of "
                                    + HTTP_CHANGE_METHODS + " (an HTTP source deletes)");
                } else {
                    require(action.where() != null, source.name() + ": erasure of " + action.table() + " needs where");
                }
                require(action.action() == ErasureKind.DELETE || !action.fields().isEmpty(),
                        source.name() + ": anonymising " + action.table() + " needs fields");
                action.fields().keySet().forEach(column -> require(IDENTIFIER.matcher(column).matches(),
                        source.name() + ": column " + column));
                if (action.retention() != null) {
                    RetentionRule rule = action.retention();
                    require(rule.column() != null && IDENTIFIER.matcher(rule.column()).matches()
                            && rule.period() != null && rule.reasonCode() != null,
                            source.name() + ": retention of " + action.table() + " needs column, period, reason-code");
                    require(rule.category() == null || source.categories().contains(rule.category()),
                            source.name() + ": retention category '" + rule.category() + "' is not among its categories");
                }
            }
            if (source.rectification() != null) {
                Rectification rectification = source.rectification();
                require(source.type() == SourceType.HTTP
                        ? rectification.url() != null && HTTP_CHANGE_METHODS.contains(rectification.httpMethod())
                        : rectification.table() != null && rectification.where() != null,
                        source.name() + ": a rectification needs table and where (jdbc) or url and method (http)");
            }
            for (Suppression suppression : source.suppression()) {
                require(source.type() == SourceType.HTTP ? suppression.url() != null
                        && HTTP_CHANGE_METHODS.contains(suppression.method())
                        : suppression.table() != null && suppression.where() != null,
                        source.name() + ": a suppression needs table and where (jdbc) or url and method (http)");
                require(suppression.consent() == null || consents.contains(suppression.consent()),
                        source.name() + ": suppression names consent '" + suppression.consent()
                                + "', which the catalogue's consents do not declare");
                require(!suppression.requestTypes().contains(RequestType.WITHDRAW_CONSENT)
                        || suppression.consent() != null,
                        source.name() + ": a suppression for WITHDRAW_CONSENT must name the consent it withdraws");
                if (suppression.consent() != null) {
                    withdrawable.add(suppression.consent());
                }
            }
            if (source.routineRetention() != null) {
                RoutineRetention routine = source.routineRetention();
                require(routine.period() != null, source.name() + ": routine-retention needs period");
                if (source.type() == SourceType.HTTP) {
                    require(routine.url() != null && !source.erasure().isEmpty(),
                            source.name() + ": routine-retention of an http source needs url and an erasure action");
                } else {
                    require(routine.table() != null && IDENTIFIER.matcher(routine.table()).matches()
                            && routine.column() != null && IDENTIFIER.matcher(routine.column()).matches(),
                            source.name() + ": routine-retention needs table and column");
                }
                require(IDENTIFIER.matcher(routine.idColumn()).matches() && routine.subjectColumns().entrySet()
                        .stream().allMatch(column -> SUBJECT_KEYS.contains(column.getKey())
                                && column.getValue() != null && IDENTIFIER.matcher(column.getValue()).matches()),
                        source.name() + ": routine-retention's subject-columns name an identifier of " + SUBJECT_KEYS
                                + " and a column each, and its id-column a column");
            }
            if (source.instructionMail() != null) {
                InstructionMail mail = source.instructionMail();
                require(mail.processor() != null && mail.contact() != null && mail.contact().contains("@")
                        && mail.identifiers().stream().allMatch(name -> IDENTIFIER.matcher(name).matches()),
                        source.name() + ": instruction-mail needs processor, a contact address and identifier names");
            }
            if (source.rectification() != null) {
                source.rectification().fields().values().forEach(column -> require(
                        IDENTIFIER.matcher(column).matches(), source.name() + ": rectification column " + column));
            }
            for (Suppression suppression : source.suppression()) {
                suppression.set().keySet().forEach(column -> require(IDENTIFIER.matcher(column).matches(),
                        source.name() + ": suppression column " + column));
                suppression.lift().keySet().forEach(column -> require(IDENTIFIER.matcher(column).matches(),
                        source.name() + ": suppression lift column " + column));
            }
        }
        consents.removeAll(withdrawable);
        require(consents.isEmpty(), "no suppression withdraws the consents " + consents);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("Invalid data source catalogue: " + message);
        }
    }

    /** The whole catalogue file. */
    public record Catalogue(List<Consent> consents, List<Source> sources) {
        public Catalogue {
            consents = consents == null ? List.of() : List.copyOf(consents);
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /**
     * A consent the company asks for (one newsletter, one purpose): what the privacy center offers to withdraw. The
     * suppressions naming it in {@code consent} are where it is withdrawn.
     */
    public record Consent(String name, String title, String purpose) {
    }

    public enum SourceType { JDBC, HTTP }

    /**
     * One system that holds personal data. See {@code data-sources.yml} for what each field means.
     */
    public record Source(
            String name,
            String title,
            SourceType type,
            String connection,
            String query,
            KeyedBy keyedBy,
            Http http,
            List<ErasureAction> erasure,
            Rectification rectification,
            List<Suppression> suppression,
            List<String> categories,
            List<String> ccpaCategories,
            List<String> purposes,
            String lawfulBasis,
            List<Recipient> recipients,
            String retention,
            String origin,
            Boolean providedBySubject,
            Subjects subjects,
            RoutineRetention routineRetention,
            InstructionMail instructionMail) {

        public Source {
            type = type == null ? SourceType.JDBC : type;
            connection = connection == null ? "default" : connection;
            erasure = erasure == null ? List.of() : List.copyOf(erasure);
            suppression = suppression == null ? List.of() : List.copyOf(suppression);
            categories = categories == null ? List.of() : List.copyOf(categories);
            ccpaCategories = ccpaCategories == null ? List.of() : List.copyOf(ccpaCategories);
            purposes = purposes == null ? List.of() : List.copyOf(purposes);
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
            providedBySubject = providedBySubject == null || providedBySubject;
        }

        public List<Suppression> suppressionFor(RequestType type) {
            return suppression.stream().filter(s -> s.requestTypes().contains(type)).toList();
        }
    }

    /**
     * Everyone the source holds data on, for breach notices: {@code query} (no parameters) returns a column
     * {@code email} and optionally {@code region} (a jurisdiction code such as {@code US-CA}) and {@code language}.
     */
    public record Subjects(String query) {
    }

    /** Another source's results key this one: the values of its column become a list parameter. */
    public record KeyedBy(String source, String column, String parameter) {
    }

    /**
     * An HTTP source answering JSON: {@code url} with {placeholders} (relative to the base URL of {@code endpoint},
     * one of {@code dsar.catalogue.http.endpoints}, when named), records at {@code recordsPath}, the next page's
     * link at {@code nextPath}.
     */
    public record Http(String endpoint, String url, String recordsPath, String nextPath) {
    }

    /**
     * A processor without an API holds the source's records (the source's query finds what was passed to it): an
     * erasure, correction or restriction that finds records there sends {@code processor} an instruction mail at
     * {@code contact} (GDPR Art 28(3)(e)) naming only the verified {@code identifiers} listed (default: email).
     */
    public record InstructionMail(String processor, String contact, List<String> identifiers, String language) {
        public InstructionMail {
            identifiers = identifiers == null || identifiers.isEmpty() ? List.of(VerifiedIdentifiers.EMAIL)
                    : List.copyOf(identifiers);
        }

        /** The language of the processor's mails: {@code language} (en, de), English when none is given. */
        public Locale locale() {
            return mailLocale(language);
        }
    }

    /**
     * Who receives data from a source; told of an erasure, correction or restriction (GDPR Art 19) when an email is
     * given, in its {@code language} (en, de; English when none is given).
     */
    public record Recipient(String name, String email, String language) {

        public Locale locale() {
            return mailLocale(language);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Locale mailLocale(String language) {
        return language == null || language.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(language);
    }

    public enum ErasureKind { DELETE, ANONYMISE }

    /**
     * What an erasure does to one table; in an HTTP source, to one collection: each of the subject's records is
     * sent {@code method} (DELETE by default) at {@code url}, whose {id} is the record's {@code idColumn} field.
     */
    public record ErasureAction(
            String table,
            String idColumn,
            String where,
            ErasureKind action,
            Map<String, FieldAnonymisation> fields,
            RetentionRule retention,
            String method,
            String url) {

        public ErasureAction {
            idColumn = idColumn == null ? "id" : idColumn;
            method = method == null ? "DELETE" : method.toUpperCase(Locale.ROOT);
            action = action == null ? ErasureKind.DELETE : action;
            fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** How one column is anonymised. */
    public record FieldAnonymisation(AnonymisationStrategy strategy, String value) {
        public FieldAnonymisation {
            strategy = strategy == null ? AnonymisationStrategy.NULL : strategy;
        }
    }

    /**
     * Rows whose {@code column} is newer than {@code period} are kept, with the reason code; {@code category} names
     * the data category the rule keeps (one of the source's categories), for the legal-hold check and the notices.
     */
    public record RetentionRule(String column, Period period, String reasonCode, String reason, String category) {
    }

    /**
     * Every record older than {@code period} is deleted by the routine retention process, whoever it is about.
     * JDBC: the rows of {@code table} whose {@code column} is before the cut-off. HTTP: the records {@code url}
     * (with {cutoff}, an ISO instant) lists, each deleted as the source's first erasure action says.
     * {@code subjectColumns} (optional; identifier type {@code email}, {@code customerNumber} or {@code phone} to the
     * column, or HTTP record field, holding it) say whose each record is, so that a legal hold on a subject keeps only
     * that subject's records; without them such a hold keeps the whole source from the run. JDBC deletes the rows
     * not kept by {@code idColumn} ({@code id} by default).
     */
    public record RoutineRetention(Period period, String table, String column, String url, String idColumn,
            Map<String, String> subjectColumns) {

        public RoutineRetention {
            idColumn = idColumn == null ? "id" : idColumn;
            subjectColumns = subjectColumns == null ? Map.of() : Map.copyOf(subjectColumns);
        }
    }

    /**
     * Corrections: request data point name to column (JDBC) or JSON field (HTTP). JDBC: an update of the rows
     * {@code where} selects. HTTP: for each of the subject's records, {@code method} (PATCH by default) at
     * {@code url} (with {id}, the record's {@code idColumn} field) with the corrected fields as a JSON body.
     */
    public record Rectification(String table, String idColumn, String where, Map<String, String> fields,
            String method, String url) {
        public Rectification {
            idColumn = idColumn == null ? "id" : idColumn;
            method = method == null ? null : method.toUpperCase(Locale.ROOT);
            fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** The HTTP method a correction is sent with. */
        public String httpMethod() {
            return method == null ? "PATCH" : method;
        }
    }

    /**
     * A flag or consent field set for some request types. Values: text, true/false, NOW. JDBC: an update of
     * {@code table} {@code where}; HTTP: one request, {@code method} (POST by default) at {@code url} with the
     * fields as a JSON body; the answer's {@code updated} says how many records changed. {@code lift}: the values that
     * undo it when a restriction is lifted (nothing is undone without them). {@code objects-to}: for an objection, which
     * kind it serves (DIRECT_MARKETING, OTHER_PROCESSING); both when not given.
     */
    public record Suppression(List<RequestType> requestTypes, String consent, List<ObjectionScope> objectsTo,
            String table, String where, Map<String, String> set, Map<String, String> lift, String method, String url) {
        public Suppression {
            objectsTo = objectsTo == null || objectsTo.isEmpty() ? List.of(ObjectionScope.values())
                    : List.copyOf(objectsTo);
            lift = lift == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(lift));
            method = method == null ? "POST" : method.toUpperCase(Locale.ROOT);
            requestTypes = requestTypes == null ? List.of() : List.copyOf(requestTypes);
            set = set == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(set));
        }
    }
}
