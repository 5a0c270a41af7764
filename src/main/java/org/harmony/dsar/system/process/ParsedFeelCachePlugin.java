package org.harmony.dsar.system.process;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

import camundajar.impl.scala.util.Either;

/**
 * Decision tables evaluated with each FEEL expression parsed once. Camunda's FEEL integration parses every input
 * entry of a table again at each evaluation, for every rule: with the verification level, the response deadline
 * and the legal-hold outcome decided for each request, that parsing was the largest single cost of the decisions in
 * the benchmark. Parsed expressions are immutable syntax trees, which the FEEL interpreter evaluates against a new
 * context each time; only the text-to-tree step is kept. The tables, their rules and their FEEL stay as designers
 * wrote them.
 */
@Component
public class ParsedFeelCachePlugin extends AbstractProcessEnginePlugin {

    /** Far more than the tables hold; a full cache starts again rather than grow with many redeployments. */
    static final int MAX_EXPRESSIONS = 10_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // Legacy (JUEL-based) FEEL, or a FEEL engine chosen elsewhere, is left as it is.
        if (configuration.isDmnFeelEnableLegacyBehavior() || dmn.getFeelEngineFactory() != null) {
            return;
        }
        // The engine hands its FEEL function providers to the DMN configuration before it builds the FEEL engine.
        dmn.setFeelEngineFactory(() -> new Engine(dmn.getFeelCustomFunctionProviders() == null
                ? List.of() : dmn.getFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    /** Camunda's FEEL engine for decisions, built on {@link ParsingOnce}. */
    private static final class Engine extends ScalaFeelEngine {

        Engine(List<FeelCustomFunctionProvider> functions) {
            super(functions);
        }

        @Override
        protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer transformer,
                ValueMapper.CompositeValueMapper valueMapper) {
            return new ParsingOnce(super.buildFeelEngine(transformer, valueMapper));
        }
    }

    /** The FEEL engine with its parse results kept per expression text (failures are not kept). */
    static final class ParsingOnce extends org.camunda.feel.FeelEngine {

        private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();
        private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();

        ParsingOnce(org.camunda.feel.FeelEngine built) {
            super(built.functionProvider(), built.valueMapper(), built.configuration(), built.clock());
        }

        @Override
        public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
            return parsed(unaryTests, expression, super::parseUnaryTests);
        }

        @Override
        public Either<Failure, ParsedExpression> parseExpression(String expression) {
            return parsed(expressions, expression, super::parseExpression);
        }

        private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> cache,
                String expression, Function<String, Either<Failure, ParsedExpression>> parse) {
            Either<Failure, ParsedExpression> known = cache.get(expression);
            if (known != null) {
                return known;
            }
            Either<Failure, ParsedExpression> result = parse.apply(expression);
            if (result.isRight()) {
                if (cache.size() >= MAX_EXPRESSIONS) {
                    cache.clear();
                }
                cache.put(expression, result);
            }
            return result;
        }
    }
}
