package io.durable.cdi.internal.definition;

import io.durable.cdi.internal.time.CalendarSchedule;
import jakarta.enterprise.inject.spi.Bean;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;

/**
 * A validated workflow: everything the engine needs to execute it, computed once at deployment.
 *
 * @param name        the workflow name
 * @param version     its version
 * @param beanClass   the bean class
 * @param bean        the CDI bean that creates instances
 * @param entryMethod the {@code @WorkflowMethod}
 * @param inputType   the entry method's parameter type, or {@code null} when it takes none
 * @param outputType  the entry method's generic return type
 * @param compatibleFrom the oldest run version this code resumes
 * @param signals     the declared signals: name to payload type
 * @param schedule    its calendar schedule, or {@code null}
 */
public record WorkflowDefinition(String name, int version, Class<?> beanClass, Bean<?> bean, Method entryMethod,
                          Type inputType, Type outputType, int compatibleFrom, Map<String, Class<?>> signals,
                          CalendarSchedule schedule) {

    public WorkflowDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(beanClass, "beanClass");
        Objects.requireNonNull(bean, "bean");
        Objects.requireNonNull(entryMethod, "entryMethod");
        signals = Map.copyOf(signals);
    }

    /** Whether this code may resume a run started under that version. */
    public boolean resumes(int runVersion) {
        return runVersion >= compatibleFrom && runVersion <= version;
    }

    public boolean takesInput() {
        return inputType != null;
    }
}
