package org.harmony.dsar.system.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

class ParsedFeelCachePluginTest {

    @Test
    void shouldDecideAsCamundaDoesWithTheParsedExpressionKept() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        new ParsedFeelCachePlugin().preInit(configuration);
        FeelEngine feel = configuration.getDmnEngineConfiguration().getFeelEngineFactory().createInstance();

        for (int evaluation = 0; evaluation < 3; evaluation++) {
            assertThat(feel.evaluateSimpleUnaryTests("\"EU\",\"UK\"", "cellInput", input("UK"))).isTrue();
            assertThat(feel.evaluateSimpleUnaryTests("\"EU\",\"UK\"", "cellInput", input("US-CA"))).isFalse();
            assertThat(feel.evaluateSimpleUnaryTests("not(\"EU\")", "cellInput", input("EU"))).isFalse();
            assertThat(feel.evaluateSimpleUnaryTests("< 3", "cellInput", input(2))).isTrue();
            assertThat(feel.evaluateSimpleUnaryTests("< 3", "cellInput", input(5))).isFalse();
            assertThat((Object) feel.evaluateSimpleExpression("\"P\" + \"45D\"", input("unused"))).isEqualTo("P45D");
        }
    }

    @Test
    void shouldParseEachExpressionOnceAndAFailureEveryTime() {
        ParsedFeelCachePlugin.ParsingOnce feel = new ParsedFeelCachePlugin.ParsingOnce(
                new org.camunda.feel.FeelEngine.Builder().build());

        var first = feel.parseUnaryTests("\"EU\",\"UK\"");
        assertThat(first.isRight()).isTrue();
        assertThat(feel.parseUnaryTests("\"EU\",\"UK\"")).isSameAs(first);
        assertThat(feel.parseExpression("1 + 2")).isSameAs(feel.parseExpression("1 + 2"));

        var broken = feel.parseUnaryTests("\"EU\",,");
        assertThat(broken.isLeft()).isTrue();
        assertThat(feel.parseUnaryTests("\"EU\",,")).isNotSameAs(broken);
    }

    @Test
    void shouldLeaveLegacyFeelAlone() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setDmnFeelEnableLegacyBehavior(true);
        new ParsedFeelCachePlugin().preInit(configuration);

        assertThat(configuration.getDmnEngineConfiguration()).isNull();
    }

    private static VariableContext input(Object value) {
        return Variables.createVariables().putValue("cellInput", value).asVariableContext();
    }
}
