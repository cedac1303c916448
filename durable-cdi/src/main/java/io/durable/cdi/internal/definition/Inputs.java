package io.durable.cdi.internal.definition;

import io.durable.api.PayloadException;
import io.durable.cdi.internal.json.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Turns a run's input, given as an object or as JSON, into the JSON its workflow's entry method binds. */
@ApplicationScoped
public class Inputs {

    @Inject
    JsonCodec codec;

    @Inject
    NewInput newInput;

    /**
     * @return the input as JSON, or {@code null} for a workflow without input
     * @throws PayloadException when the input does not fit the entry method's parameter, or is
     *                          {@code null} where the parameter is not an {@code Optional}
     */
    public String toJson(WorkflowDefinition definition, Object input) {
        if (!definition.takesInput()) {
            if (input != null) {
                throw new PayloadException("Workflow " + definition.name() + " takes no input, but got a "
                        + input.getClass().getName(), null);
            }
            return null;
        }
        if (input != null && !JsonCodec.boxed(rawType(definition.inputType())).isInstance(input)) {
            throw new PayloadException("Workflow " + definition.name() + " takes " + definition.inputType().getTypeName()
                    + ", but got a " + input.getClass().getName(), null);
        }
        String what = "the input of workflow " + definition.name();
        return codec.toJournal(newInput.check(input, definition.inputType(), what), definition.inputType(), what);
    }

    /**
     * @return the input JSON as the entry method binds it (normalized), or {@code null} for none
     * @throws PayloadException when the JSON is missing, malformed, of the wrong shape, has members the
     *                          input type lacks, or does not bind ({@link NewInput})
     */
    public String fromJson(WorkflowDefinition definition, String inputJson) {
        if (definition.takesInput()) {
            String what = "the input of workflow " + definition.name();
            return codec.toJournal(newInput.read(inputJson, definition.inputType(), what), definition.inputType(), what);
        }
        if (inputJson != null && !inputJson.isBlank() && !"null".equals(inputJson.trim())) {
            throw new PayloadException("Workflow " + definition.name() + " takes no input, but input was given", null);
        }
        return null;
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }
}
